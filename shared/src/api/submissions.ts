import { z } from 'zod';
import type { AgencyKind } from '../agencies/agency-kinds.js';
import { agencies, agencyKindSchema, agencyKinds } from '../agencies/agency-kinds.js';
import { deliveryRoleSchema } from '../agencies/delivery-roles.js';
import { canonicalReferenceSchema } from '../identifiers/reference.js';
import type { LifeEventId } from '../journeys/catalogue.js';
import { catalogue, lifeEventIdSchema, lifeEventIds } from '../journeys/catalogue.js';
import { answersSchema } from '../journeys/engine/answers-schema.js';
import { relevantAgencies } from '../journeys/engine/routing.js';
import { channelSchema, languageSchema } from '../submission/channel.js';
import { nonEmpty } from '../util/non-empty.js';
import { consentMessage, type ConsentIssueParams, type ConsentRule } from './consent-messages.js';
import { messageChannels } from './resident-messages.js';
import { withdrawnSchema } from './withdrawals.js';

function requestFor(lifeEvent: LifeEventId) {
  return z.strictObject({
    lifeEvent: z.literal(lifeEvent),
    /** Normalised answers (ISO dates, arrays for checkboxes), keyed by field name. */
    answers: answersSchema(catalogue[lifeEvent]),
    /** The agencies the resident agreed to tell; each must be relevant to the answers. */
    consent: z.array(agencyKindSchema),
    /**
     * The organisation of a kind the resident picked from the directory (their GP practice, their
     * landlord), by id, for kinds in `consent`. A kind left out is told through its fallback
     * organisation (the council's team for it).
     */
    organisations: z
      .partialRecord(agencyKindSchema, z.uuid({ error: 'Select an organisation from the list' }))
      .optional(),
    /**
     * For a kind told of two homes (the council, after a move): the organisation of the home left,
     * by id. When it is another than the one in `organisations` (or the address's own), both are
     * told, each only its part; left out, the kind's one organisation is told everything.
     */
    organisationsLeft: z
      .partialRecord(agencyKindSchema, z.uuid({ error: 'Select an organisation from the list' }))
      .optional(),
    channel: channelSchema.default('online'),
    /** The language the resident used, kept for their confirmation and for agencies replying. */
    language: languageSchema.default('en'),
  });
}

/**
 * `POST /submissions` body. Answers are checked against the life event's journey (issue paths
 * such as `['answers', 'dateOfDeath']` name the form field), and consent may only name agencies
 * relevant to those answers, must include any the journey requires and cannot be empty.
 */
export const createSubmissionRequestSchema = z
  .discriminatedUnion('lifeEvent', nonEmpty(lifeEventIds.map(requestFor)), {
    error: 'Select a life event from the list',
  })
  .superRefine((request, ctx) => {
    const journey = catalogue[request.lifeEvent];
    const relevant = relevantAgencies(journey, request.answers);
    const seen = new Set<AgencyKind>();
    // Each consent issue carries its rule and agency, so an adviser's page can word it for them.
    const consentIssue = (rule: ConsentRule, path: (string | number)[], agency?: AgencyKind) => {
      const params: ConsentIssueParams = agency ? { consentRule: rule, agency } : { consentRule: rule };
      ctx.addIssue({ code: 'custom', path, message: consentMessage(rule, 'resident', agency), params });
    };
    request.consent.forEach((agency, index) => {
      if (seen.has(agency)) consentIssue('selected-twice', ['consent', index], agency);
      else if (!relevant.includes(agency)) consentIssue('not-relevant', ['consent', index], agency);
      seen.add(agency);
    });
    for (const agency of relevant)
      if (journey.routing[agency]?.required && !seen.has(agency)) consentIssue('required', ['consent'], agency);
    for (const agency of Object.keys(request.organisations ?? {}) as AgencyKind[])
      if (!seen.has(agency))
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', agency],
          message: `Select ${agencies[agency].name} to tell them, or leave out their organisation`,
        });
    for (const agency of Object.keys(request.organisationsLeft ?? {}) as AgencyKind[])
      if (!seen.has(agency) || !journey.routing[agency]?.split)
        ctx.addIssue({
          code: 'custom',
          path: ['organisationsLeft', agency],
          message: `${agencies[agency].name} is told of one home only here: leave out its organisation for the home left`,
        });
    if (relevant.length === 0) consentIssue('none-relevant', ['consent']);
    else if (request.consent.length === 0) consentIssue('none-chosen', ['consent']);
  });

/** A parsed `POST /submissions` body (channel and language defaulted, answers normalised). */
export type CreateSubmissionRequest = z.infer<typeof createSubmissionRequestSchema>;

/** A `POST /submissions` body as sent (channel and language may be left out). */
export type CreateSubmissionRequestBody = z.input<typeof createSubmissionRequestSchema>;

/**
 * The secret a resident needs, with the reference, to see the status: a tracking code of 100
 * random bits, four groups of five Crockford base32 characters (`7K3MQ-9Q2MX-4HB8C-ZT1RW`). A
 * repeated request answered from an idempotency record made before tracking codes may still carry
 * a secret of the older form, 22 or more base64url characters.
 */
export const trackingSecretSchema = z
  .string()
  .regex(/^(?:[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}|[A-Za-z0-9_-]{22,128})$/, {
    error: 'Tracking secret must be a tracking code such as 7K3MQ-9Q2MX-4HB8C-ZT1RW',
  })
  .meta({
    description:
      'Tracking code: four groups of five Crockford base32 characters. Case, spaces and hyphens are ignored when it is presented.',
    example: '7K3MQ-9Q2MX-4HB8C-ZT1RW',
  });

/**
 * Whether a report waits for its reporter's code before anything is sent: `awaiting` for an
 * online report (until `POST /api/submissions/{reference}/confirmation`), `not-needed` for an
 * adviser's or a trusted submitter's; then `confirmed`, or `expired` after 24 hours unconfirmed.
 */
export const confirmationStatuses = ['awaiting', 'confirmed', 'not-needed', 'expired'] as const;

/** One of {@link confirmationStatuses}. */
export type ConfirmationStatus = (typeof confirmationStatuses)[number];

/** What a new report needs before it is sent. */
export const submissionConfirmationSchema = z.strictObject({
  status: z.enum(['awaiting', 'not-needed']),
  /** Where the 6-digit code went; null when awaiting with neither email nor mobile (phone or visit us instead). */
  codeSentTo: z.enum(messageChannels).nullable(),
  /** Only on a trial install with no GOV.UK Notify key, where messages are not sent: the code itself. */
  trialCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/** What a new report needs before it is sent. */
export type SubmissionConfirmation = z.infer<typeof submissionConfirmationSchema>;

/**
 * An address whose council the address look-up could not place (typed by hand, or outside every
 * council in the directory) and the client did not name: who is told that address's part instead.
 */
export const unplacedAddressSchema = z.strictObject({
  /** The answer's field name, e.g. `lastAddress`. */
  field: z.string(),
  /**
   * The council told instead: the council team (the council kind's fallback), which passes the
   * report on; for the home left in a move, the council told of the new home, which is told both parts.
   */
  told: z.strictObject({ id: z.uuid(), name: z.string() }),
});

/** An address the look-up could not place in a council, and who is told instead. */
export type UnplacedAddress = z.infer<typeof unplacedAddressSchema>;

/** `POST /submissions` 201 response. */
export const createSubmissionResponseSchema = z.strictObject({
  reference: canonicalReferenceSchema,
  /** Show once; together with the reference it unlocks the status page. Store only its hash. */
  trackingSecret: trackingSecretSchema,
  /** The agencies that will be told, in a fixed order. */
  agencies: z.array(agencyKindSchema),
  /** Absent only on responses replayed from before confirmation codes (then nothing was held). */
  confirmation: submissionConfirmationSchema.optional(),
  /**
   * Present when an address's council could not be placed and `organisations.council` (or
   * `organisationsLeft.council`) did not name it: which council is told instead. Name the council
   * to tell it directly.
   */
  unplacedAddresses: z.array(unplacedAddressSchema).optional(),
});

/** `POST /submissions/{reference}/confirmation` body: the code sent to the reporter. */
export const confirmSubmissionRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Enter the 6-digit code we sent you' })
    .meta({ example: '123456' }),
});

/** `POST /submissions/{reference}/confirmation` body. */
export type ConfirmSubmissionRequest = z.infer<typeof confirmSubmissionRequestSchema>;

/** `POST /submissions` 201 response. */
export type CreateSubmissionResponse = z.infer<typeof createSubmissionResponseSchema>;

/**
 * Where one agency's delivery is: held (waiting for the reporter's code, or for a staff check: see
 * `heldFor`), queued, being sent, delivered (the agency's system accepted it),
 * acknowledged (a person there has seen it), actioned (they have done what was needed), failed,
 * expired (never sent: the report was not confirmed within 24 hours), or cancelled (the report was
 * withdrawn before it was sent).
 */
export const deliveryStatuses = [
  'held',
  'queued',
  'sending',
  'delivered',
  'acknowledged',
  'actioned',
  'failed',
  'expired',
  'cancelled',
] as const;

/** One of {@link deliveryStatuses}. */
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * What a delivery's history records: each status it took, when it missed a service-level target, and
 * when a withdrawal or correction of its report was sent to the organisation.
 */
export const deliveryEventStatuses = [...deliveryStatuses, 'target-missed', 'withdrawn', 'corrected'] as const;

/** One of {@link deliveryEventStatuses}. */
export type DeliveryEventStatus = (typeof deliveryEventStatuses)[number];

/** Why a `held` delivery waits: for the reporter's code, or for a staff check (below the organisation's minimum). */
export const holdReasons = ['confirmation', 'check'] as const;

/** One of {@link holdReasons}. */
export type HoldReason = (typeof holdReasons)[number];

/** `GET /submissions/:reference` 200 response. */
export const submissionStatusResponseSchema = z.strictObject({
  reference: canonicalReferenceSchema,
  lifeEvent: lifeEventIdSchema,
  submittedAt: z.iso.datetime({ offset: true }),
  /** Absent for reports made before confirmation codes. */
  confirmation: z.enum(confirmationStatuses).optional(),
  withdrawn: withdrawnSchema,
  /** Each correction our staff made after sending, oldest first: when, and which answers (by field name; never their values). */
  corrections: z
    .array(z.strictObject({ at: z.iso.datetime({ offset: true }), fields: z.array(z.string()) }))
    .optional(),
  agencies: z.array(
    z.strictObject({
      agency: z.enum(agencyKinds),
      /** The organisation told, by name (the council for the address, the GP practice picked). */
      organisation: z.string(),
      /** True when it is the kind's own team, which passes it on (no particular organisation was known); absent otherwise. */
      organisationFallback: z.literal(true).optional(),
      /** When a move spans two of the kind's areas: `leaving` for the old council, `joining` for the new. */
      role: deliveryRoleSchema.optional(),
      status: z.enum(deliveryStatuses),
      /** While `held`: waiting for the reporter's code, or for a staff check. */
      heldFor: z.enum(holdReasons).optional(),
      /** Set on a `cancelled` notification our staff checked and decided not to send. */
      rejectedAfterCheck: z.literal(true).optional(),
      changedAt: z.iso.datetime({ offset: true }),
      /** When it was sent: accepted by their system, put on their file server, or put in their inbox. */
      sentAt: z.iso.datetime({ offset: true }).nullable(),
      /**
       * When they received it: at once through a webhook or file; from an inbox, when their system or
       * an officer first opened it (null while it waits there unopened).
       */
      receivedAt: z.iso.datetime({ offset: true }).nullable(),
      /** When a person there said they have it in hand, and when they said it was done. */
      acknowledgedAt: z.iso.datetime({ offset: true }).nullable(),
      actionedAt: z.iso.datetime({ offset: true }).nullable(),
      /** The agency's own case reference, once it has given one. */
      agencyReference: z.string().nullable(),
    }),
  ),
});

/** `GET /submissions/:reference` 200 response. */
export type SubmissionStatusResponse = z.infer<typeof submissionStatusResponseSchema>;
