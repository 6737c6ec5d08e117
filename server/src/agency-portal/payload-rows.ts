import { fieldLabelFor, formatAnswer, getJourney, type AnswerValue, type LifeEventId } from '@tuo/shared';
import type { PayloadRow } from '@tuo/shared/api/agency-portal';

/**
 * A routed payload's answers as labelled rows, in the journey's order, labelled for an officer as
 * the catalogue words them ("Name of the person reporting", not "Your full name"), with its options' words. Only fields present in the payload appear: it already holds
 * exactly what was routed to this agency. A field the catalogue no longer knows shows by name.
 */
export function payloadRows(lifeEvent: LifeEventId, payload: Record<string, unknown>): PayloadRow[] {
  const answers = (typeof payload.answers === 'object' && payload.answers !== null ? payload.answers : {}) as Record<
    string,
    AnswerValue
  >;
  const fields = getJourney(lifeEvent).pages.flatMap((page) => page.fields);
  const known = fields
    .filter((field) => Object.hasOwn(answers, field.name))
    .map((field) => ({ label: fieldLabelFor(field, 'officer'), lines: formatAnswer(field, answers[field.name]) }));
  const unknown = Object.keys(answers)
    .filter((name) => !fields.some((field) => field.name === name))
    .map((name) => ({
      label: name,
      lines: [typeof answers[name] === 'string' ? answers[name] : JSON.stringify(answers[name])],
    }));
  return [...known, ...unknown];
}
