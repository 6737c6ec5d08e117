import type { AgencyKind } from '../../agencies/agency-kinds.js';
import type { DeliveryRole } from '../../agencies/delivery-roles.js';
import { showsFact } from '../../agencies/report-facts.js';
import { getJourney } from '../../journeys/catalogue.js';
import { pickRoutedAnswers, relevantAgencies } from '../../journeys/engine/routing.js';
import type { AgencyPayloadV1 } from './agency-payload-schema.js';
import { withoutUprns } from './without-uprns.js';
import type { SubmissionEnvelopeV1 } from './submission-envelope-v1-schema.js';

/**
 * The payload for one agency, derived from the envelope: the agency's routed answers only (with a
 * role, those of that part of its split rule: the old council's, the new council's). A kind that
 * does not keep its records by property (`showsFact(kind, 'uprn')`) gets its addresses without their
 * UPRN.
 * Returns `undefined` when the agency must not be told: it has no rule for this life event, it is
 * not relevant to these answers, or the resident did not agree to tell it in that role.
 */
export function toAgencyPayload(
  envelope: SubmissionEnvelopeV1,
  agency: AgencyKind,
  role?: DeliveryRole,
): AgencyPayloadV1 | undefined {
  const journey = getJourney(envelope.lifeEvent);
  const agreed = envelope.consent.some((record) => record.agency === agency && record.role === role && record.given);
  if (!agreed || !relevantAgencies(journey, envelope.answers).includes(agency)) return undefined;
  const answers = pickRoutedAnswers(journey, agency, envelope.answers, role);
  return {
    reference: envelope.reference,
    lifeEvent: envelope.lifeEvent,
    submittedAt: envelope.submittedAt,
    channel: envelope.channel,
    ...(role ? { role } : {}),
    answers: showsFact(agency, 'uprn') ? answers : withoutUprns(answers),
  };
}
