import type { Answers, LifeEventId } from '@tuo/shared';
import { normaliseName } from '../staff/submission-search.js';

/**
 * The answers that say two reports are of the same event, per life event: for a death, the
 * person's first and last names, date of birth and date of death (middle names are left out, since
 * one informant may give them and another not); for a birth, the baby's. A life event not listed
 * here (moving home, a change of income...) happens to the same person more than once, so its
 * reports are never taken for duplicates.
 */
export const sameEventFields: Partial<Record<LifeEventId, readonly string[]>> = {
  'someone-died': ['firstName', 'lastName', 'dateOfBirth', 'dateOfDeath'],
  'baby-born': ['babyFirstName', 'babyLastName', 'babyDateOfBirth'],
};

/** How long after a report a second report of the same event is linked to it. */
export const DUPLICATE_WINDOW_DAYS = 90;

/** Marks the same-event hash among a submission's keyed search hashes (they are base64url, never holding a dot). */
export const SAME_EVENT_HASH_PREFIX = 'same-event.';

/**
 * The term whose keyed hash identifies the event a report is about, or undefined when the report
 * lacks one of the answers that would identify it. Names are compared as staff search compares
 * them (case, accents and punctuation aside).
 */
export function sameEventTerm(lifeEvent: LifeEventId, answers: Readonly<Answers>): string | undefined {
  const fields = sameEventFields[lifeEvent];
  if (!fields) return undefined;
  const parts: string[] = [];
  for (const name of fields) {
    const value = answers[name];
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    parts.push(normaliseName(value));
  }
  return `${lifeEvent}:${parts.join('|')}`;
}
