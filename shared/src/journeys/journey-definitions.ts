import { babyBornJourney } from './baby-born/baby-born-journey.js';
import { changeInWorkOrIncomeJourney } from './change-in-work-or-income/change-in-work-or-income-journey.js';
import type { JourneyDefinition } from './definition/journey-definition-schema.js';
import { movingHomeJourney } from './moving-home/moving-home-journey.js';
import type { LifeEventId } from './life-event-ids.js';
import { someoneDiedJourney } from './someone-died/someone-died-journey.js';
import { someoneMovingInOrOutJourney } from './someone-moving-in-or-out/someone-moving-in-or-out-journey.js';

/**
 * Every journey as written, before the meta-schema has checked it. Use `catalogue` (checked when
 * it loads) everywhere but where zod must stay out of the bundle: the browser's translations of
 * the journeys' text, which the catalogue's own tests and every server start check anyway.
 */
export const journeyDefinitions: Readonly<Record<LifeEventId, JourneyDefinition>> = {
  'someone-died': someoneDiedJourney,
  'baby-born': babyBornJourney,
  'moving-home': movingHomeJourney,
  'change-in-work-or-income': changeInWorkOrIncomeJourney,
  'someone-moving-in-or-out': someoneMovingInOrOutJourney,
};
