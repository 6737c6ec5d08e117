import { z } from 'zod';
import type { AgencyKind } from '../agencies/agency-kinds.js';
import type { LifeEventId } from '../journeys/catalogue.js';

/** The service-level targets a notification can miss: acknowledged, or actioned, within so many working days. */
export const targetKinds = ['acknowledge', 'action'] as const;

/** One of {@link targetKinds}. */
export type TargetKind = (typeof targetKinds)[number];

/** Where a resident's request to chase stands: waiting for staff, chased with the agency, or resolved. */
export const chaseStatuses = ['open', 'chased', 'resolved'] as const;

/** One of {@link chaseStatuses}. */
export type ChaseStatus = (typeof chaseStatuses)[number];

/** The longest note a resident may add when asking us to chase. */
export const maxChaseNoteLength = 500;

/** Error messages of the chase form (their English is the key of the `errors` namespace). */
export const chaseMessages = {
  noteTooLong: `Your note must be ${String(maxChaseNoteLength)} characters or fewer`,
  limitReached: 'You have asked us to chase this report as many times as we allow in one day. Try again tomorrow',
} as const;

/** The optional note of a chase request, as posted. */
export const chaseNoteSchema = z.string().trim().max(maxChaseNoteLength, { error: chaseMessages.noteTooLong });

/** One request to chase, as the resident sees it: no staff names, only what happened and when. */
export interface ChaseRequestSummary {
  status: ChaseStatus;
  requestedAt: string;
  handledAt: string | null;
  /** What staff told the resident when they chased or resolved it. */
  staffNote: string | null;
}

/** A request in the staff queue: which report and service, what was missed, and the resident's note. */
export interface ChaseQueueItem {
  id: string;
  reference: string;
  lifeEvent: LifeEventId;
  agency: AgencyKind;
  target: TargetKind;
  status: ChaseStatus;
  residentNote: string | null;
  requestedAt: string;
  staffNote: string | null;
  handledAt: string | null;
}

/** The staff queue: requests still to finish (open first, oldest first), and the latest resolved. */
export interface ChaseQueue {
  active: ChaseQueueItem[];
  resolved: ChaseQueueItem[];
}

/** What staff record on a request: chased (it stays on the queue) or resolved (it leaves it), with a note the resident sees. */
export const chaseOutcomeRequestSchema = z.object({
  outcome: z.enum(['chased', 'resolved'], { error: 'Select chased or resolved' }),
  note: z
    .string()
    .trim()
    .min(1, { error: 'Say what you did; the resident will see this' })
    .max(1000, { error: 'Note must be 1000 characters or fewer' }),
});
