import type { AgencyKind } from '../../agencies/agency-kinds.js';
import type { DeliveryRole } from '../../agencies/delivery-roles.js';
import type { LifeEventId } from '../../journeys/catalogue.js';
import { getJourney } from '../../journeys/catalogue.js';
import type { Answers } from '../../journeys/engine/answers.js';
import { relevantAgencies, routedPurpose } from '../../journeys/engine/routing.js';
import type { Channel, Language } from '../channel.js';
import type { ConsentGivenBy, SubmissionEnvelopeV1 } from './submission-envelope-v1-schema.js';
import {
  submissionEnvelopeV1AroundCheckedAnswersSchema,
  submissionEnvelopeV1Schema,
} from './submission-envelope-v1-schema.js';

/** A parsed submission request: normalised answers and the agencies the resident agreed to tell. */
export interface EnvelopeRequest {
  readonly lifeEvent: LifeEventId;
  readonly answers: Answers;
  readonly consent: readonly AgencyKind[];
  readonly channel: Channel;
  readonly language?: Language | undefined;
}

/** What the server adds to a request to make its envelope. */
export interface EnvelopeMeta {
  reference: string;
  submittedAt: Date;
  /** Who made the consent choices (the resident, or an adviser on their behalf). */
  consentGivenBy?: ConsentGivenBy;
  /** The version of a purpose text (a content hash; the server has the hashing). */
  purposeVersion?: (purposeText: string) => string;
  /**
   * The organisations each agreed kind is told through (the server has the directory): one per
   * kind, or one per role where a move spans two of the kind's areas.
   */
  told?: readonly ToldOrganisation[];
  /**
   * True when `request.answers` are already the output of the life event's answers schema (the
   * request was parsed by `createSubmissionRequestSchema`): the envelope around them is checked,
   * the answers not a second time.
   */
  answersChecked?: boolean;
}

/** One organisation a submission is routed to, and its role when its kind tells two. */
export interface ToldOrganisation {
  readonly agency: AgencyKind;
  readonly role?: DeliveryRole | undefined;
  readonly organisation: { readonly id: string; readonly name: string };
}

/**
 * Builds and checks the v1 envelope for a parsed request. Consent is recorded for every relevant
 * agency, given or not, with the purpose text the resident was shown and its version; a kind told
 * through two organisations (the old council and the new) has a record for each, with its role.
 */
export function createSubmissionEnvelopeV1(request: EnvelopeRequest, meta: EnvelopeMeta): SubmissionEnvelopeV1 {
  const journey = getJourney(request.lifeEvent);
  const envelope = {
    schemaVersion: 1,
    reference: meta.reference,
    lifeEvent: request.lifeEvent,
    submittedAt: meta.submittedAt.toISOString(),
    channel: request.channel,
    ...(request.language ? { language: request.language } : {}),
    consent: relevantAgencies(journey, request.answers).flatMap((agency) => {
      const given = request.consent.includes(agency);
      const told = given ? (meta.told ?? []).filter((t) => t.agency === agency) : [];
      const parts = told.length > 0 ? told : [{ role: undefined, organisation: undefined }];
      return parts.map(({ role, organisation }) => {
        const purposeText = routedPurpose(journey, agency, role);
        return {
          agency,
          ...(role ? { role } : {}),
          given,
          purposeText,
          ...(meta.purposeVersion ? { purposeVersion: meta.purposeVersion(purposeText) } : {}),
          ...(organisation ? { organisation: { id: organisation.id, name: organisation.name } } : {}),
        };
      });
    }),
    ...(meta.consentGivenBy ? { consentGivenBy: meta.consentGivenBy } : {}),
    answers: request.answers,
  };
  if (!meta.answersChecked) return submissionEnvelopeV1Schema.parse(envelope);
  // Checked once already, against the same schema: their type is the envelope's.
  return submissionEnvelopeV1AroundCheckedAnswersSchema.parse(envelope) as SubmissionEnvelopeV1;
}
