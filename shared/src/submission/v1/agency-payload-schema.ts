import { z } from 'zod';
import type { AgencyKind } from '../../agencies/agency-kinds.js';
import type { DeliveryRole } from '../../agencies/delivery-roles.js';
import { showsFact } from '../../agencies/report-facts.js';
import { canonicalReferenceSchema } from '../../identifiers/reference.js';
import type { LifeEventId } from '../../journeys/catalogue.js';
import type { JourneyDefinition } from '../../journeys/definition/journey-definition-schema.js';
import { answerFieldSchema } from '../../journeys/engine/answer-field-schema.js';
import type { Answers } from '../../journeys/engine/answers.js';
import { routedFields } from '../../journeys/engine/routing.js';
import type { Channel } from '../channel.js';
import { channelSchema } from '../channel.js';
import { verificationSchema, type Verification } from '../../verification/verification.js';
import { councilAddressFields, unplacedAddressReason, type UnplacedAddressNote } from './unplaced-address-notes.js';

/** What one agency receives about one submission: the routed answers and nothing else. */
export interface AgencyPayloadV1 {
  reference: string;
  lifeEvent: LifeEventId;
  submittedAt: string;
  channel: Channel;
  /**
   * Why this organisation is told, when a move spans two of the kind's areas: `leaving` (the home
   * left is yours: close the account) or `joining` (the home moved to is yours: open one). Absent
   * when the organisation is the kind's only one told.
   */
  role?: DeliveryRole;
  /** Only the answered fields in the agency's routing rule (for its role). */
  answers: Answers;
  /**
   * How far the report was checked before it was sent: its level (one rule, in
   * shared/src/verification), each check made and the channel. Absent only on notifications sent
   * before it was recorded.
   */
  verification?: Verification;
  /**
   * Another report of the same event made within 90 days (see `possibleDuplicateOf` on
   * AgencyNotification): present when one was known as this was sent.
   */
  possibleDuplicateOf?: string;
  /**
   * Only on the council team's notifications (the council kind's fallback organisation): the routed
   * addresses no council's area could be found for, which is why the report came to it, each with
   * that said in words (`unplacedAddressReason`).
   */
  unplacedAddresses?: UnplacedAddressNote[];
}

/** The council team's notes on unplaced addresses: only the council's own address fields, and only for councils. */
function unplacedAddressesShape(journey: JourneyDefinition, agency: AgencyKind, role?: DeliveryRole) {
  const [first, ...rest] = agency === 'council' ? councilAddressFields(journey, role) : [];
  if (first === undefined) return {};
  const note = z.strictObject({ field: z.enum([first, ...rest]), reason: z.literal(unplacedAddressReason) });
  return { unplacedAddresses: z.array(note).min(1).optional() };
}

/** An address answer refused when it carries a UPRN, for a kind that is not sent one. */
function withoutUprn(schema: z.ZodType): z.ZodType {
  return schema.refine(
    (value) => typeof value !== 'object' || value === null || !('uprn' in value),
    'This kind of organisation is not sent UPRNs',
  );
}

/**
 * The schema of an agency's payload for a journey. Both levels are strict: any field outside the
 * agency's routing rule (for the role) is rejected, which is how adapters prove data minimisation. Every answer
 * is optional, since what is asked depends on the resident's route; an address's UPRN is too, and a
 * kind that does not keep its records by property (see `reportFactsFor`) is refused one.
 */
export function agencyPayloadSchema(
  journey: JourneyDefinition,
  agency: AgencyKind,
  role?: DeliveryRole,
): z.ZodType<AgencyPayloadV1> {
  const fields = new Map(journey.pages.flatMap((page) => page.fields).map((field) => [field.name, field]));
  const answers = Object.fromEntries(
    routedFields(journey, agency, role).flatMap((name) => {
      const field = fields.get(name);
      if (!field) return [];
      const schema = answerFieldSchema(field);
      const sent = field.kind === 'address' && !showsFact(agency, 'uprn') ? withoutUprn(schema) : schema;
      return [[name, sent.optional()]];
    }),
  );
  return z.strictObject({
    reference: canonicalReferenceSchema,
    lifeEvent: z.literal(journey.id as LifeEventId),
    submittedAt: z.iso.datetime({ offset: true }),
    channel: channelSchema,
    ...(role ? { role: z.literal(role) } : {}),
    answers: z.strictObject(answers),
    verification: verificationSchema.optional(),
    possibleDuplicateOf: canonicalReferenceSchema.optional(),
    ...unplacedAddressesShape(journey, agency, role),
  }) as z.ZodType<AgencyPayloadV1>;
}
