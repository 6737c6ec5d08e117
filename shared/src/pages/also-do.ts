import type { Answers } from '../journeys/engine/answers.js';
import { getJourney } from '../journeys/catalogue.js';
import type { LifeEventId } from '../journeys/life-event-ids.js';
import { evidenceGiven, type EvidenceKind } from '../verification/evidence.js';

/**
 * The confirmation page's "What else you need to do" items (`confirmation.alsoDo.<life event>.items`)
 * that the answers show are done already, by the evidence they give: a bereaved reporter who said
 * the death is registered is not told to register it.
 */
const doneBy: Partial<Record<LifeEventId, Record<string, readonly EvidenceKind[]>>> = {
  'someone-died': { register: ['death-registration', 'registrar-reference'] },
};

/** The items of {@link doneBy} these answers show are done. */
export function alsoDoDone(lifeEvent: LifeEventId, answers: Readonly<Answers>): string[] {
  const given = new Set(evidenceGiven(getJourney(lifeEvent), answers));
  return Object.entries(doneBy[lifeEvent] ?? {})
    .filter(([, evidence]) => evidence.some((kind) => given.has(kind)))
    .map(([item]) => item);
}
