import { z } from 'zod';
import type { JourneyDefinition } from './definition/journey-definition-schema.js';
import { checkAnswersPage } from './definition/page-definition-schema.js';
import { validateJourneyDefinition } from './definition/validate-journey-definition.js';
import { journeyDefinitions } from './journey-definitions.js';
import { lifeEventIds, type LifeEventId } from './life-event-ids.js';
import { getPage } from './engine/next-page.js';

export { lifeEventIds } from './life-event-ids.js';
export type { LifeEventId } from './life-event-ids.js';

/** Validates a life event id. */
export const lifeEventIdSchema = z.enum(lifeEventIds, { error: 'Select a life event from the list' });

/** True when the string is a life event id, for narrowing URL parameters. */
export function isLifeEventId(value: string): value is LifeEventId {
  return (lifeEventIds as readonly string[]).includes(value);
}

function validated(id: LifeEventId): JourneyDefinition {
  const journey = validateJourneyDefinition(journeyDefinitions[id]);
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
