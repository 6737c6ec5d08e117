import { agencyIdSchema, type AgencyId, type Answers } from "@tuo/shared";
import { z } from "zod";

/** What a saved form keeps of a journey: the answers and any "who to tell" choices, nothing else. */
export interface SavedAnswers {
  answers: Answers;
  consent?: { offered: AgencyId[]; chosen: AgencyId[] };
}

const addressSchema = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  town: z.string(),
  postcode: z.string(),
  uprn: z.string().optional(),
});
const savedAnswersSchema = z.object({
  answers: z.record(
    z.string(),
    z.union([z.string(), z.array(z.string()), addressSchema]),
  ),
  consent: z
    .object({
      offered: z.array(agencyIdSchema),
      chosen: z.array(agencyIdSchema),
    })
    .optional(),
});

/**
 * The one place saved answers are turned into the `saved_journeys.answers` column. They hold
 * protected identifiers (NHS and National Insurance numbers, dates of birth), so sealing them at
 * rest is a change to this function and {@link openSavedAnswers} only.
 */
export function sealSavedAnswers(saved: SavedAnswers): string {
  return JSON.stringify({
    answers: saved.answers,
    ...(saved.consent ? { consent: saved.consent } : {}),
  });
}

/** Reads the column written by {@link sealSavedAnswers}; re-parsed, since older code may have written it. */
export function openSavedAnswers(stored: unknown): SavedAnswers {
  const parsed = savedAnswersSchema.parse(stored);
  return {
    answers: parsed.answers,
    ...(parsed.consent ? { consent: parsed.consent } : {}),
  };
}
