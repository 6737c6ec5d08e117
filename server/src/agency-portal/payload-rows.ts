import {
  fieldLabelFor,
  formatAnswer,
  getJourney,
  labelInJourney,
  type AnswerValue,
  type LifeEventId,
} from '@tuo/shared';
import type { PayloadRow } from '@tuo/shared/api/agency-portal';
import { z } from 'zod';

/**
 * A routed payload's answers as labelled rows, in the journey's order, labelled for an officer as
 * the catalogue words them ("Name of the person reporting", not "Your full name"), with its options' words. Only fields present in the payload appear: it already holds
 * exactly what was routed to this agency. A field the catalogue no longer knows shows by name; a
 * people field shows one row per person, numbered.
 */
export function payloadRows(lifeEvent: LifeEventId, payload: Record<string, unknown>): PayloadRow[] {
  const answers = (typeof payload.answers === 'object' && payload.answers !== null ? payload.answers : {}) as Record<
    string,
    AnswerValue
  >;
  const fields = getJourney(lifeEvent).pages.flatMap((page) => page.fields);
  const known = fields
    .filter((field) => Object.hasOwn(answers, field.name))
    .flatMap((field) => {
      const label = fieldLabelFor(field, 'officer');
      const lines = formatAnswer(field, answers[field.name]);
      // One row per person of a list ("Person moving with them 2"), so the CSV has a column each.
      return field.kind === 'people'
        ? lines.map((line, index) => ({ label: `${label} ${String(index + 1)}`, lines: [line] }))
        : [{ label, lines }];
    });
  const unknown = Object.keys(answers)
    .filter((name) => !fields.some((field) => field.name === name))
    .map((name) => ({
      label: name,
      lines: [typeof answers[name] === 'string' ? answers[name] : JSON.stringify(answers[name])],
    }));
  return [...known, ...unknown];
}

const unplacedSchema = z.array(z.object({ field: z.string() }));

/**
 * The officer's labels of the addresses a council team's payload says no council's area could be
 * found for (`unplacedAddresses`); empty for any other payload.
 */
export function unplacedAddressLabels(lifeEvent: LifeEventId, payload: Record<string, unknown>): string[] {
  const parsed = unplacedSchema.safeParse(payload.unplacedAddresses);
  if (!parsed.success) return [];
  return parsed.data.map(({ field }) => labelInJourney(getJourney(lifeEvent), field, 'officer'));
}
