import { catalogue, exampleSubmissions, reachablePages, type FieldKind, type LifeEventId } from '@tuo/shared';
import { pagePost } from '../support/resident.js';

/** Pages of one journey to measure, reached with a session as a resident would reach them. */
export interface JourneySession {
  cookie: string;
  /** The first question page, e.g. `/someone-died/their-name`. */
  questionPath: string;
  /** The first question page with a field of each kind the journey asks (an address and its finder, say). */
  pathWith: Partial<Record<FieldKind, string>>;
  checkAnswersPath: string;
}

/**
 * Answers a journey over plain HTTP (as a browser without JavaScript would), so tools that cannot
 * fill in forms (Lighthouse) can be pointed at pages behind a session with just its cookie.
 */
export async function answeredJourney(baseUrl: string, lifeEvent: LifeEventId): Promise<JourneySession> {
  let cookie = '';
  let csrf = '';
  async function request(path: string, pairs?: readonly (readonly [string, string])[]): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/html', ...(cookie ? { cookie } : {}) };
    const init: RequestInit = { redirect: 'manual', headers };
    if (pairs) {
      init.method = 'POST';
      init.body = new URLSearchParams([
        ['_csrf', csrf],
        ...pairs.map(([name, value]): [string, string] => [name, value]),
      ]).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(`${baseUrl}${path}`, init);
    const session = response.headers.getSetCookie().find((line) => line.includes('tuo-session'));
    if (session) cookie = session.split(';')[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await response.clone().text())?.[1];
    if (token) csrf = token;
    return response;
  }
  const { answers } = exampleSubmissions[lifeEvent];
  const pages = reachablePages(catalogue[lifeEvent], answers);
  await request('/start');
  await request('/start', [['lifeEvent', lifeEvent]]);
  for (const page of pages) {
    await request(`/${lifeEvent}/${page.path}`);
    const response = await request(`/${lifeEvent}/${page.path}`, pagePost(page, answers));
    if (response.status !== 303)
      throw new Error(`${page.path} refused the example answers (${String(response.status)})`);
  }
  const pathOf = (page: { path: string } | undefined) => `/${lifeEvent}/${page?.path ?? ''}`;
  const pathWith: Partial<Record<FieldKind, string>> = {};
  for (const page of pages) for (const field of page.fields) pathWith[field.kind] ??= pathOf(page);
  return {
    cookie,
    questionPath: pathOf(pages[0]),
    pathWith,
    checkAnswersPath: `/${lifeEvent}/check-answers`,
  };
}
