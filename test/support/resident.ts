import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Answers, PageDefinition } from '@tuo/shared';
import { answersToFormValues, inputName, personInputName } from '@tuo/shared/pages/form-values';
import type { PageModel } from '@tuo/shared/pages/page-model';

/** A form post as name-value pairs; repeated names are how HTML posts ticked checkboxes. */
export type FormPairs = readonly (readonly [string, string])[];

/** What a browser would post for a page, filled in from normalised answers. */
export function pagePost(page: PageDefinition, answers: Readonly<Answers>): FormPairs {
  return Object.entries(answersToFormValues(page.fields, answers)).flatMap(([name, value]): [string, string][] => {
    if (typeof value === 'string') return [[name, value]];
    if (Array.isArray(value))
      return value.flatMap((item, index): [string, string][] =>
        typeof item === 'string'
          ? [[name, item]]
          : [
              [personInputName(name, index, 'fullName'), item.fullName],
              ...Object.entries(item.dateOfBirth).map(([part, text]): [string, string] => [
                personInputName(name, index, 'dateOfBirth', part),
                text,
              ]),
            ],
      );
    return Object.entries(value).map(([part, text]) => [inputName({ name }, part), text]);
  });
}

/** The page model a server-rendered page carries for hydration: the easiest way to read what it shows. */
export function pageModel(response: LightMyRequestResponse): PageModel {
  const json = /<script type="application\/json" id="page-model">(.*?)<\/script>/s.exec(response.body)?.[1];
  if (!json) throw new Error(`No page model in the response to this request (status ${response.statusCode})`);
  return JSON.parse(json) as PageModel;
}

/** Text of an HTML fragment as a reader sees it: tags dropped, React's entities decoded. */
function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The document title a browser shows for the page ("Error: Track your report – Tell Us Once"). */
export function documentTitle(response: LightMyRequestResponse): string {
  const title = /<title>(.*?)<\/title>/s.exec(response.body)?.[1];
  if (title === undefined) throw new Error(`No <title> in the response (status ${String(response.statusCode)})`);
  return htmlText(title);
}

/** Each row of the page's GOV.UK summary lists as shown: the key, and the value's lines (one per `<br>`). */
export function summaryListRows(response: LightMyRequestResponse): { key: string; lines: string[] }[] {
  const rows = response.body.matchAll(
    /<dt class="govuk-summary-list__key">(.*?)<\/dt>\s*<dd class="govuk-summary-list__value">(.*?)<\/dd>/gs,
  );
  return [...rows].map(([, key = '', value = '']) => ({
    key: htmlText(key),
    lines: value
      .split(/<br\/?>/)
      .map(htmlText)
      .filter(Boolean),
  }));
}

/**
 * A resident with a browser's memory: keeps the session cookie between requests and posts each
 * form with the anti-forgery token of the last page it was shown, as a browser would.
 */
export class Resident {
  cookie = '';
  /** The language cookie, once the resident has chosen a language with a `?lang=` link. */
  languageCookie = '';
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.headers() }));
  }

  async post(url: string, pairs: FormPairs = [], options: { csrf?: string } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams([
      ['_csrf', options.csrf ?? this.csrf],
      ...pairs.map(([name, value]) => [name, value]),
    ]);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  private headers(): Record<string, string> {
    const cookies = [this.cookie, this.languageCookie].filter(Boolean).join('; ');
    return { accept: 'text/html', ...(cookies ? { cookie: cookies } : {}) };
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    const session = response.cookies.find((cookie) => cookie.name.endsWith('tuo-session'));
    if (session) this.cookie = `${session.name}=${session.value}`;
    const language = response.cookies.find((cookie) => cookie.name.endsWith('tuo-lang'));
    if (language) this.languageCookie = `${language.name}=${language.value}`;
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }
}

/** Answers every question page of a journey the way a resident would, ending on "Check your answers". */
export async function answerEveryPage(
  resident: Resident,
  lifeEvent: string,
  pages: readonly PageDefinition[],
  answers: Readonly<Answers>,
): Promise<void> {
  await resident.get('/start');
  await resident.post('/start', [['lifeEvent', lifeEvent]]);
  for (const page of pages) {
    const response = await resident.post(`/${lifeEvent}/${page.path}`, pagePost(page, answers));
    if (response.statusCode !== 303)
      throw new Error(`${page.path} refused its answers: ${response.body.slice(0, 200)}`);
  }
}

/**
 * On the page after the declaration, enters the code as the resident would: the one a trial install
 * shows (tests' configuration). Returns the confirmation page shown afterwards.
 */
export async function confirmOnPage(resident: Resident, lifeEvent: string): Promise<LightMyRequestResponse> {
  const waiting = pageModel(await resident.get(`/${lifeEvent}/confirmation`));
  if (waiting.page !== 'confirmation' || !waiting.props.confirm?.trialCode)
    throw new Error(`Expected a confirmation page with a trial code, got ${waiting.page}`);
  const posted = await resident.post(`/${lifeEvent}/confirmation`, [['code', waiting.props.confirm.trialCode]]);
  if (posted.statusCode !== 303) throw new Error(`The code was refused: ${posted.body.slice(0, 200)}`);
  return resident.get(`/${lifeEvent}/confirmation`);
}
