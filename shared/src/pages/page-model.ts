/**
 * What the server hands to the client to render one page. The same object is rendered to HTML
 * on the server and, serialised into the page, used to hydrate it in the browser.
 */
export interface PageModel {
  /** Which page component renders it. */
  page: 'start' | 'not-found' | 'error';
  /** Document title, without the service name. */
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Page-specific data; each page component knows its own shape. */
  props: Record<string, unknown>;
}

/** What `render` gives the server to put into index.html. */
export interface RenderedPage {
  head: string;
  html: string;
  data: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}
