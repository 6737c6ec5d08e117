import { randomUUID } from 'node:crypto';
import type { AgencyKind, Answers, LifeEventId } from '@tuo/shared';
import type { PersonRowValue } from '@tuo/shared/pages/form-values';
import type { SubmissionConfirmation } from '@tuo/shared/api/submissions';
import type { FastifyRequest } from 'fastify';

/** One life event's journey as it stands in the resident's session. */
export interface JourneyState {
  answers: Answers;
  /** Agencies offered on "who to tell" and those chosen, so an agency that becomes relevant later starts ticked. */
  consent?: { offered: AgencyKind[]; chosen: AgencyKind[] };
  /**
   * The rows typed on an add-another page while people are added and removed without JavaScript,
   * by field name, until the page is answered (sealed at rest with the session's answers).
   */
  drafts?: Record<string, PersonRowValue[]>;
  /**
   * The council the resident confirmed for an address whose look-up could not say (typed by hand,
   * or a council missing from the directory), by address field, with the address it was for: a
   * changed address asks again.
   */
  councils?: Record<string, { id: string; address: string }>;
  /** One per journey: a double click or a resent declaration replays the first submission. */
  idempotencyKey: string;
  /** Saved forms made from this journey or restored into it: sending the report spends them. */
  savedForms?: string[];
  /** Set once sent; answers are then forgotten. The secret is cleared once shown. */
  submitted?: {
    reference: string;
    trackingSecret: string | null;
    agencies: AgencyKind[];
    /** Whether it waits for a code (and, on a trial install only, the code to show). */
    confirmation?: SubmissionConfirmation;
    /** A new code was just sent: say so once. */
    newCodeSent?: boolean;
    /** How the confirmation is being sent to the resident (absent in sessions from before this was kept). */
    messagedBy?: ('email' | 'sms')[];
    /** "What else you need to do" items the answers showed were done (see also-do.ts). */
    alsoDoDone?: string[];
  };
}

declare module 'fastify' {
  interface Session {
    /** Checked against the hidden `_csrf` field of every resident form post. */
    csrfToken?: string;
    journeys?: Partial<Record<LifeEventId, JourneyState>>;
  }
}

/** A new, empty journey. */
export function newJourneyState(): JourneyState {
  return { answers: {}, idempotencyKey: randomUUID() };
}

/** The resident's journey for this life event, or a new one (not saved until {@link saveJourney}). */
export function loadJourney(request: FastifyRequest, lifeEvent: LifeEventId): JourneyState {
  return request.session.get('journeys')?.[lifeEvent] ?? newJourneyState();
}

/** Keeps the journey in the session; @fastify/session writes it to Postgres as the response goes. */
export function saveJourney(request: FastifyRequest, lifeEvent: LifeEventId, state: JourneyState): void {
  request.session.set('journeys', { ...request.session.get('journeys'), [lifeEvent]: state });
}
