import type { PageDefinition, PageKind } from '@tuo/shared';
import { addAnotherPageHandler } from './add-another-page-handler.js';
import { formPageHandler, type FormPageServices } from './form-page-handler.js';
import type { PageKindHandler } from './page-kind-handler.js';

/** One handler per page kind: a record over every kind, so a kind without a handler is a compile error. */
export type PageKindHandlers = { [Kind in PageKind]: PageKindHandler<Kind> };

/** What the page kinds' handlers need, given once when the journey routes are registered. */
export type PageKindServices = FormPageServices;

/** The handler of every page kind (CONTRIBUTING.md, "Adding a page kind"). */
export function pageKindHandlers(services: PageKindServices): PageKindHandlers {
  return { form: formPageHandler(services), 'add-another': addAnotherPageHandler() };
}

/** The handler of this page's kind. */
export function handlerFor(handlers: PageKindHandlers, page: PageDefinition): PageKindHandler<PageKind> {
  // Keyed by kind, so the handler found takes pages of exactly this page's kind.
  return handlers[page.kind] as PageKindHandler<PageKind>;
}
