import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import type { PageDefinition } from '../definition/page-definition-schema.js';
import { checkAnswersPage } from '../definition/page-definition-schema.js';
import type { Answers } from './answers.js';
import { evaluateCondition } from './evaluate-condition.js';

/** The page with this id; throws if the journey has none, since ids come from the definition. */
export function getPage(journey: JourneyDefinition, pageId: string): PageDefinition {
  const page = journey.pages.find((candidate) => candidate.id === pageId);
  if (!page) throw new RangeError(`Journey "${journey.id}" has no page "${pageId}"`);
  return page;
}

/** The page whose URL slug is `path`, or `undefined` (an unknown URL is a 404, not a bug). */
export function findPageByPath(journey: JourneyDefinition, path: string): PageDefinition | undefined {
  return journey.pages.find((page) => page.path === path);
}

/** The first page of the journey. */
export function firstPage(journey: JourneyDefinition): PageDefinition {
  const [first] = journey.pages;
  if (!first) throw new RangeError(`Journey "${journey.id}" has no pages`);
  return first;
}

/**
 * Where the resident goes after `pageId`: the id of the first next step whose condition holds,
 * or `'check-answers'` when the questions are done.
 */
export function nextPage(journey: JourneyDefinition, pageId: string, answers: Readonly<Answers>): string {
  const { next } = getPage(journey, pageId);
  if (next === checkAnswersPage) return checkAnswersPage;
  return next.find((step) => !step.when || evaluateCondition(step.when, answers))?.page ?? checkAnswersPage;
}

/**
 * The pages a resident passes through, in order, given their answers: the route for "check your
 * answers", and the pages whose answers count. Unanswered branches take their default step.
 */
export function reachablePages(journey: JourneyDefinition, answers: Readonly<Answers>): PageDefinition[] {
  const route: PageDefinition[] = [];
  // Next steps only point forward (the meta-schema checks), so this ends within pages.length steps.
  for (
    let id = firstPage(journey).id;
    id !== checkAnswersPage && route.length < journey.pages.length;
    id = nextPage(journey, id, answers)
  ) {
    route.push(getPage(journey, id));
  }
  return route;
}
