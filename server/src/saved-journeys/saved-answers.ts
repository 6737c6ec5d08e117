import { agencyKindSchema, type AgencyKind, type Answers, type LifeEventId } from '@tuo/shared';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { z } from 'zod';

/** What a saved form keeps of a journey: the answers and any "who to tell" choices, nothing else. */
export interface SavedAnswers {
  answers: Answers;
  consent?: { offered: AgencyKind[]; chosen: AgencyKind[] };
}

const addressSchema = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  town: z.string(),
  postcode: z.string(),
  uprn: z.string().optional(),
});
const savedAnswersSchema = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), addressSchema])),
  consent: z
    .object({
      offered: z.array(agencyKindSchema),
      chosen: z.array(agencyKindSchema),
    })
    .optional(),
});

/** Binds sealed values to their saved form, so a value copied to another row does not open there. */
const sealContext = (id: string) => `saved:${id}`;

/**
 * The one place saved answers are turned into the `saved_journeys.answers` column. Protected
 * identifiers (NHS and National Insurance numbers, dates of birth) are sealed, as everywhere else
 * they rest (see privacy/protected-values.ts).
 */
export function sealSavedAnswers(
  privacy: ProtectedValues,
  lifeEvent: LifeEventId,
  id: string,
  saved: SavedAnswers,
): string {
  return JSON.stringify({
    answers: privacy.sealAnswers(lifeEvent, saved.answers, sealContext(id)),
    ...(saved.consent ? { consent: saved.consent } : {}),
  });
}

/** Reads the column written by {@link sealSavedAnswers}; re-parsed, since older code may have written it. */
export function openSavedAnswers(
  privacy: ProtectedValues,
  lifeEvent: LifeEventId,
  id: string,
  stored: unknown,
): SavedAnswers {
  const parsed = savedAnswersSchema.parse(stored);
  return {
    answers: privacy.openAnswers(lifeEvent, parsed.answers, sealContext(id)),
    ...(parsed.consent ? { consent: parsed.consent } : {}),
  };
}
