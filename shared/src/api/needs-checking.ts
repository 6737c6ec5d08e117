import { z } from 'zod';
import type { AgencyKind } from '../agencies/agency-kinds.js';
import type { LifeEventId } from '../journeys/catalogue.js';
import type { Channel } from '../submission/channel.js';
import type { VerificationCheckKind, VerificationLevel } from '../verification/verification.js';

/**
 * What a supervisor can have checked before releasing a held notification, and the level each
 * check reaches (it becomes a `staff-check` with that level and the kind in its `detail`):
 * - `call-back`: phoned the reporter back on a number found independently (not the one they gave): `medium`;
 * - `documents-seen`: saw the reporter's identity documents (at a desk or by video): `medium`;
 * - `registrar-reference`: checked the registrar's Tell Us Once reference (or the registration) with the register office: `high`.
 */
export const staffCheckKinds = ['call-back', 'documents-seen', 'registrar-reference'] as const;

/** One of {@link staffCheckKinds}. */
export type StaffCheckKind = (typeof staffCheckKinds)[number];

/** The level each {@link StaffCheckKind} reaches. */
export const staffCheckLevels: Readonly<Record<StaffCheckKind, VerificationLevel>> = {
  'call-back': 'medium',
  'documents-seen': 'medium',
  'registrar-reference': 'high',
};

/** Error messages of the release and reject forms; their English is the key the console translates them by. */
export const needsCheckingMessages = {
  kindMissing: 'Select what you checked',
  noteMissing: 'Enter what you checked and what you found',
  noteTooLong: 'What you checked must be 500 characters or fewer',
  reasonMissing: 'Enter why it should not be sent',
  reasonTooLong: 'Why it should not be sent must be 500 characters or fewer',
} as const;

/** A supervisor's check, releasing what now meets its organisation's minimum. */
export const releaseCheckRequestSchema = z.strictObject({
  kind: z.enum(staffCheckKinds, { error: needsCheckingMessages.kindMissing }),
  /** What was checked and found, kept as a case note (it may name people, so never in the audit log or a payload). */
  note: z
    .string({ error: needsCheckingMessages.noteMissing })
    .trim()
    .min(1, { error: needsCheckingMessages.noteMissing })
    .max(500, { error: needsCheckingMessages.noteTooLong }),
});

/** A supervisor's check. */
export type ReleaseCheckRequest = z.infer<typeof releaseCheckRequestSchema>;

/** A supervisor's decision not to send a held notification, with why (kept for staff, never sent). */
export const rejectCheckRequestSchema = z.strictObject({
  reason: z
    .string({ error: needsCheckingMessages.reasonMissing })
    .trim()
    .min(1, { error: needsCheckingMessages.reasonMissing })
    .max(500, { error: needsCheckingMessages.reasonTooLong }),
});

/** A supervisor's rejection. */
export type RejectCheckRequest = z.infer<typeof rejectCheckRequestSchema>;

/** One notification held for a staff check: which report and organisation, and why it waits. */
export interface NeedsCheckingItem {
  /** The held delivery's id. */
  id: string;
  reference: string;
  lifeEvent: LifeEventId;
  agency: AgencyKind;
  organisationName: string;
  channel: Channel;
  heldSince: string;
  /** The level the report's checks reach now (none for a report nothing has been checked about). */
  level: VerificationLevel | null;
  /** The organisation's minimum for this life event. */
  minimum: VerificationLevel;
  /** What has been checked so far, by kind. */
  checks: VerificationCheckKind[];
}
