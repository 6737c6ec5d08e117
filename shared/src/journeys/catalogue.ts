import { z } from 'zod';
import { babyBornJourney } from './baby-born/baby-born-journey.js';
import { changeInWorkOrIncomeJourney } from './change-in-work-or-income/change-in-work-or-income-journey.js';
import type { JourneyDefinition } from './definition/journey-definition-schema.js';
import { checkAnswersPage } from './definition/page-definition-schema.js';
import { validateJourneyDefinition } from './definition/validate-journey-definition.js';
import { getPage } from './engine/next-page.js';
import { movingHomeJourney } from './moving-home/moving-home-journey.js';
import { someoneDiedJourney } from './someone-died/someone-died-journey.js';
import { someoneMovingInOrOutJourney } from './someone-moving-in-or-out/someone-moving-in-or-out-journey.js';

/** Stable ids of the life events, used in URLs, the API and payloads. Never rename one. */
export const lifeEventIds = ['someone-died', 'baby-born', 'moving-home', 'change-in-work-or-income', 'someone-moving-in-or-out'] as const;

/** One of {@link lifeEventIds}. */
export type LifeEventId = (typeof lifeEventIds)[number];

/** Validates a life event id. */
export const lifeEventIdSchema = z.enum(lifeEventIds, { error: 'Select a life event from the list' });

/** True when the string is a life event id, for narrowing URL parameters. */
export function isLifeEventId(value: string): value is LifeEventId {
  return (lifeEventIds as readonly string[]).includes(value);
}

const definitions: Record<LifeEventId, JourneyDefinition> = {
  'someone-died': someoneDiedJourney,
  'baby-born': babyBornJourney,
  'moving-home': movingHomeJourney,
  'change-in-work-or-income': changeInWorkOrIncomeJourney,
  'someone-moving-in-or-out': someoneMovingInOrOutJourney,
};

function validated(id: LifeEventId): JourneyDefinition {
  const journey = validateJourneyDefinition(definitions[id]);
  if (journey.id !== id) throw new Error(`The journey filed under "${id}" has the id "${journey.id}"`);
  return journey;
}

/**
 * Every life-event journey, keyed by id, each checked by the meta-schema when this module loads:
 * a broken definition stops the server and the client build rather than failing a resident.
 */
export const catalogue: Readonly<Record<LifeEventId, JourneyDefinition>> = Object.fromEntries(
  lifeEventIds.map((id) => [id, validated(id)]),
) as Record<LifeEventId, JourneyDefinition>;

/** The journey of a life event. */
export function getJourney(id: LifeEventId): JourneyDefinition {
  return catalogue[id];
}

/**
 * The URL path of a page, relative to where journeys are mounted: `/someone-died/date-of-death`.
 * Pass `'check-answers'` for the check your answers page.
 */
export function pagePath(id: LifeEventId, pageId: string): string {
  const slug = pageId === checkAnswersPage ? checkAnswersPage : getPage(getJourney(id), pageId).path;
  return `/${id}/${slug}`;
}
