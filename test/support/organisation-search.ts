import { catalogue, exampleSubmissions, reachablePages, type Answers, type LifeEventId } from '@tuo/shared';
import type { OrganisationChoice } from '@tuo/shared/api/organisations';
import type { FastifyInstance } from 'fastify';
import { answerEveryPage, pageModel, Resident } from './resident.js';

/**
 * A resident on a journey's page that picks an organisation (e.g. `their-gp-practice`), every page
 * before it answered with the life event's example.
 */
export async function residentAtPage(app: FastifyInstance, lifeEvent: LifeEventId, pageId: string): Promise<Resident> {
  const resident = new Resident(app);
  const journey = catalogue[lifeEvent];
  const answers: Answers = { ...exampleSubmissions[lifeEvent].answers };
  const route = reachablePages(journey, answers);
  await answerEveryPage(
    resident,
    lifeEvent,
    route.slice(
      0,
      route.findIndex((page) => page.id === pageId),
    ),
    answers,
  );
  const page = journey.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`${lifeEvent} has no page ${pageId}`);
  await resident.get(`/${lifeEvent}/${page.path}`);
  return resident;
}

/** What the resident's search for an organisation on the page at `path` finds, as the page lists it (no JavaScript). */
export async function searchOnPage(
  resident: Resident,
  path: string,
  field: string,
  query: string,
): Promise<OrganisationChoice[]> {
  const response = await resident.post(path, [
    [`${field}.search`, query],
    ['_action', `find-organisation:${field}`],
  ]);
  const page = pageModel(response);
  if (page.page !== 'question') throw new Error(`Expected the question page back, got ${page.page}`);
  return page.props.organisationSearch?.[field]?.results ?? [];
}
