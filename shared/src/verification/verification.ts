import { z } from 'zod';
import { channelSchema } from '../submission/channel.js';

/**
 * How far a report was checked, least to most: `low` (someone reachable stands behind it), `medium`
 * (a person's identity was checked), `high` (it comes from, or was checked against, an authority).
 * Councils grade benefit evidence the same way (DWP Risk Based Verification).
 */
export const verificationLevels = ['low', 'medium', 'high'] as const;

/** One of {@link verificationLevels}. */
export type VerificationLevel = (typeof verificationLevels)[number];

/** Validates a verification level. */
export const verificationLevelSchema = z.enum(verificationLevels, { error: 'Select low, medium or high' });

/**
 * What was checked about a report:
 * - `contact-confirmed`: the reporter entered the code we sent to their email or mobile (`by`: `email` or `sms`);
 * - `adviser-checked`: an adviser took the report and asked security questions or called back (`by`: `adviser:<staff id>`);
 * - `identity-documents-seen`: an adviser saw identity documents (`by`: `adviser:<staff id>`);
 * - `registrar-reference-given`: the reporter gave the registrar's Tell Us Once reference (`by`: `reporter`);
 * - `evidence-given`: the reporter gave other evidence asked for in the journey, its kind in `detail` (see `evidence.ts`; `by`: `reporter`);
 * - `trusted-submitter`: a partner system's key vouched for it at the key's `level` (`by`: the key's name);
 * - `staff-check`: a supervisor checked it (a call back, the registrar's reference) and set `level` (`by`: `supervisor:<staff id>`).
 */
export const verificationCheckKinds = [
  'contact-confirmed',
  'adviser-checked',
  'identity-documents-seen',
  'registrar-reference-given',
  'evidence-given',
  'trusted-submitter',
  'staff-check',
] as const;

/** One of {@link verificationCheckKinds}. */
export type VerificationCheckKind = (typeof verificationCheckKinds)[number];

/** One check made of a report: what, by whom (never personal data) and when. */
export const verificationCheckSchema = z.strictObject({
  kind: z.enum(verificationCheckKinds),
  by: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
  /** The level vouched for, on `trusted-submitter` and `staff-check` only. */
  level: verificationLevelSchema.optional(),
  /** Codes saying what was seen or done (e.g. `photo-id`, `call-back`); never the documents themselves. */
  detail: z.array(z.string().min(1).max(60)).max(10).optional(),
});

/** One check made of a report. */
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

const rank = (level: VerificationLevel) => verificationLevels.indexOf(level);

/** The level one check reaches on its own; undefined for a check that only adds to others. */
function levelOf(check: VerificationCheck): VerificationLevel | undefined {
  switch (check.kind) {
    case 'contact-confirmed':
    case 'adviser-checked':
      return 'low';
    case 'identity-documents-seen':
      return 'medium';
    case 'trusted-submitter':
    case 'staff-check':
      return check.level ?? 'low';
    case 'registrar-reference-given':
    case 'evidence-given':
      return undefined;
  }
}

/**
 * THE rule for a report's level, the one place it is decided: the highest level any check reaches
 * on its own, raised one step (at most to `high`) when the reporter also gave a registrar's
 * reference. Other evidence the reporter gave (`evidence-given`) is their word alone and raises nothing.
 * A registrar's reference or other evidence alone, or no check at all, reaches no level (`undefined`):
 * such a report is never sent to anyone.
 */
export function verificationLevel(checks: readonly VerificationCheck[]): VerificationLevel | undefined {
  const reached = checks.map(levelOf).filter((level) => level !== undefined);
  if (reached.length === 0) return undefined;
  const best = Math.max(...reached.map(rank));
  const raised = checks.some((check) => check.kind === 'registrar-reference-given') ? best + 1 : best;
  return verificationLevels[Math.min(raised, verificationLevels.length - 1)];
}

/** True when `level` is at least `minimum` (an undefined level meets no minimum). */
export function meetsLevel(level: VerificationLevel | undefined, minimum: VerificationLevel): boolean {
  return level !== undefined && rank(level) >= rank(minimum);
}

/** What every agency payload carries about how far the report was checked, and how it was made. */
export const verificationSchema = z.strictObject({
  level: verificationLevelSchema,
  checks: z.array(verificationCheckSchema),
  channel: channelSchema,
});

/** How far a report was checked. */
export type Verification = z.infer<typeof verificationSchema>;
