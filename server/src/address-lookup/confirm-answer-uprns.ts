import type { Answers, JourneyDefinition } from '@tuo/shared';
import type { AddressLookup } from './address-lookup.js';
import { confirmUprn } from './confirm-uprn.js';

/**
 * Every address answer of a whole journey with its UPRN kept only when the look-up confirms it
 * (see {@link confirmUprn}): what the pages do one page at a time, for answers that arrive all at
 * once through `POST /api/submissions`.
 */
export async function confirmAnswerUprns<T extends Answers>(
  lookup: AddressLookup,
  journey: JourneyDefinition,
  answers: T,
): Promise<T> {
  const confirmed: Answers = { ...answers };
  for (const field of journey.pages.flatMap((page) => page.fields)) {
    const answer = answers[field.name];
    if (field.kind === 'address' && typeof answer === 'object' && !Array.isArray(answer))
      confirmed[field.name] = await confirmUprn(lookup, answer);
  }
  return confirmed as T;
}
