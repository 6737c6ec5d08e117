import { exampleSubmissions, getJourney, normaliseReference, type LifeEventId } from '@tuo/shared';
import { problemSchema } from '@tuo/shared/api/problem';
import {
  confirmSubmissionRequestSchema,
  createSubmissionRequestSchema,
  createSubmissionResponseSchema,
  submissionConfirmationSchema,
  submissionStatusResponseSchema,
} from '@tuo/shared/api/submissions';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import { confirmAnswerUprns } from '../../address-lookup/confirm-answer-uprns.js';
import { findSubmissionStatus } from '../../db/submission-status.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { confirmSubmission, sendNewCode } from '../../submissions/confirm-submission.js';
import { councilsFromAddresses } from '../../organisations/council-from-address.js';
import { unplacedAddresses } from '../../organisations/unplaced-addresses.js';
import { servingCouncilArea } from '../../organisations/directory-reads.js';
import { acceptSubmission } from '../../submissions/accept-submission.js';
import { requestHash } from '../../submissions/request-hash.js';
import { trackingSecretMatches } from '../../submissions/tracking-secret.js';
import { withdrawalRequestSchema, withdrawalResponseSchema } from '@tuo/shared/api/withdrawals';
import { withdrawSubmission } from '../../withdrawals/withdraw-submission.js';
import { recordAudit } from '../../audit/audit-log.js';
import { submitterAuthentication, trustedSubmitterCheck } from '../../submitters/submitter-auth.js';

const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/)
  .optional()
  .meta({
    description:
      'Any unique string per submission (a UUID is ideal). A repeat with the same key and body returns the first response; with another body, 422.',
  });

const trackingSecretHeaders = z.object({
  'tracking-secret': z.string().max(200).meta({ description: 'The secret returned when the submission was made' }),
});

/** The submission a reference and tracking secret unlock; the same 404 for an unknown reference and a wrong secret. */
async function unlocked(db: Parameters<typeof findSubmissionStatus>[0], reference: string, secret: string) {
  const found = await findSubmissionStatus(db, normaliseReference(reference));
  if (!found || !trackingSecretMatches(secret, found.trackingSecretHash)) {
    throw new NotFoundError('No submission matches this reference and tracking secret.');
  }
  return found;
}

/** `POST /api/submissions`, its confirmation by code, and `GET /api/submissions/:reference/status`. */
export const submissionRoutes: FastifyPluginAsyncZod<{ addressLookup: AddressLookup }> = async (app, options) => {
  app.post(
    '/api/submissions',
    {
      // Before the body is read: a wrong key is a 401 whatever the body says.
      onRequest: submitterAuthentication(app.db),
      schema: {
        tags: ['submissions'],
        summary: 'Report a life event once; every agency the resident agreed to tell will be told',
        description:
          "An online report is accepted at once, but nothing is sent to any agency until the reporter enters the 6-digit code sent to the email or mobile in the answers (`POST /api/submissions/{reference}/confirmation`). With neither, the reporter must phone or visit instead. Unconfirmed reports expire after 24 hours and their answers are erased. A trusted submitter (a partner system such as a register office) sends its key as `Authorization: Bearer <key>`: its report skips the code step and carries a `trusted-submitter` check at the key's level (agencies' minimums still apply); a wrong or revoked key is refused with 401, never treated as anonymous. An address's `uprn` is kept only when the address look-up lists that UPRN at the address's postcode with the same lines, as on the resident pages; otherwise the address goes without it. The council is the one the look-up places each address in, or the one named in `organisations.council` (`organisationsLeft.council` for the home left in a move); an address it cannot place and the client did not name goes to the council team, which passes it on, and the answer's `unplacedAddresses` says so.",
        // Anonymous, or a trusted submitter's key.
        security: [{}, { trustedSubmitterKey: [] }],
        headers: z.object({ 'idempotency-key': idempotencyKeySchema }),
        // One complete example per life event, named by its id (the OpenAPI media type's `examples`).
        body: createSubmissionRequestSchema.meta({
          'x-examples': Object.fromEntries(
            Object.entries(exampleSubmissions).map(([id, value]) => [
              id,
              { summary: getJourney(id as LifeEventId).title, value },
            ]),
          ),
        }),
        response: {
          201: createSubmissionResponseSchema,
          400: problemSchema,
          401: problemSchema,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
          429: problemSchema,
          500: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      // A UPRN goes to agencies only when the look-up lists it with these lines, as on the pages.
      const journey = getJourney(request.body.lifeEvent);
      const answers = await confirmAnswerUprns(options.addressLookup, journey, request.body.answers);
      // The council of each address the look-up places, unless the client names the council itself;
      // one it cannot place is the client's to name, else the council team (the fallback) is told,
      // and the answer says so (`unplacedAddresses`).
      // Jobcentre Plus goes by the home council's area too, told or not (directory-reads.ts).
      const tellsCouncil = request.body.consent.includes('council');
      const found =
        tellsCouncil || request.body.consent.some((kind) => servingCouncilArea.includes(kind))
          ? await councilsFromAddresses(app.db, options.addressLookup, journey, answers)
          : undefined;
      const councils = found?.choices;
      const body = {
        ...request.body,
        answers,
        ...(councils
          ? {
              organisations: { ...councils.chosen, ...request.body.organisations },
              organisationsLeft: { ...councils.left, ...request.body.organisationsLeft },
            }
          : {}),
      };
      const submitter = request.submitterPrincipal;
      // A submitter's idempotency keys are its own: another client's same key never replays its answer.
      const scope = submitter ? `submitter:${submitter.keyId}` : 'submissions';
      // Who is told an unplaced address is read beside the submission's own organisations (one
      // gathered read, made in the same turn), not in a round trip of its own after the commit.
      const [{ response, replayed }, unplaced] = await Promise.all([
        acceptSubmission(app.db, body, {
          writer: app.submissionWriter,
          actor: submitter ? { type: 'submitter', id: submitter.keyId } : { type: 'resident' },
          privacy: app.privacy,
          trust: app.trust.forRequest(request),
          ...(submitter ? { checks: [trustedSubmitterCheck(submitter, new Date())] } : {}),
          ...(key ? { idempotency: { key: `${scope}:${key}`, requestHash: requestHash(request.body) } } : {}),
        }),
        found && tellsCouncil ? unplacedAddresses(app.db, journey, found, request.body) : [],
      ]);
      // Every use of a submitter's key is audited: a new report by its creation, a repeat here.
      if (replayed && submitter) {
        const replayedOf = await app.db
          .selectFrom('submissions')
          .select('id')
          .where('reference', '=', response.reference)
          .executeTakeFirst();
        await recordAudit(app.db, {
          actor: { type: 'submitter', id: submitter.keyId },
          action: 'submission.replayed',
          ...(replayedOf ? { submissionId: replayedOf.id } : {}),
        });
      }
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(unplaced.length > 0 ? { ...response, unplacedAddresses: unplaced } : response);
    },
  );

  app.post(
    '/api/submissions/:reference/confirmation',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['submissions'],
        summary: 'Confirm an online report with the 6-digit code sent to the reporter; only then is it sent',
        description:
          'A code works for 30 minutes and for 5 tries; then ask for a new one (`POST /api/submissions/{reference}/confirmation-code`). Confirming twice is harmless.',
        params: z.object({ reference: z.string().max(40) }),
        headers: trackingSecretHeaders,
        body: confirmSubmissionRequestSchema,
        response: {
          200: submissionStatusResponseSchema,
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) => {
      const found = await unlocked(app.db, request.params.reference, request.headers['tracking-secret']);
      const result = await confirmSubmission(app.db, found.id, request.body.code, {
        codes: app.trust.codes,
        minimums: app.trust.minimums,
        actor: { type: 'resident' },
      });
      if (result.outcome === 'wrong')
        throw new ValidationError('The code is not right.', [
          {
            path: 'code',
            message: `The code is not right. Check it and try again (${String(result.triesLeft)} tries left)`,
          },
        ]);
      if (result.outcome === 'new-code-needed')
        throw new ConflictError(
          'new_code_needed',
          'This code has expired or has been tried too many times. Ask for a new code.',
        );
      if (result.outcome === 'not-awaiting')
        throw new ConflictError('not_awaiting_confirmation', 'This report is not waiting to be confirmed.');
      const after = await unlocked(app.db, request.params.reference, request.headers['tracking-secret']);
      return after.status;
    },
  );

  app.post(
    '/api/submissions/:reference/confirmation-code',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['submissions'],
        summary: 'Send a new confirmation code (earlier codes stop working)',
        description: 'Capped per email or mobile number (a day) and per client address (an hour): 429 past either.',
        params: z.object({ reference: z.string().max(40) }),
        headers: trackingSecretHeaders,
        response: { 200: submissionConfirmationSchema, 404: problemSchema, 409: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const found = await unlocked(app.db, request.params.reference, request.headers['tracking-secret']);
      const sent = await sendNewCode(app.db, found.id, {
        codes: app.trust.codes,
        privacy: app.privacy,
        address: request.ip,
        showCodeOnPage: app.trust.showCodeOnPage,
        actor: { type: 'resident' },
      });
      if (!sent) throw new ConflictError('not_awaiting_confirmation', 'This report is not waiting to be confirmed.');
      return {
        status: 'awaiting' as const,
        codeSentTo: sent.sentTo,
        ...(sent.trialCode ? { trialCode: sent.trialCode } : {}),
      };
    },
  );

  app.get(
    '/api/submissions/:reference/status',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['submissions'],
        summary:
          "Each organisation's progress with a submission (its name, kind and role): the reference and its tracking secret are needed",
        params: z.object({ reference: z.string().max(40) }),
        headers: trackingSecretHeaders,
        response: { 200: submissionStatusResponseSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => (await unlocked(app.db, request.params.reference, request.headers['tracking-secret'])).status,
  );

  app.post(
    '/api/submissions/:reference/withdrawal',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['submissions'],
        summary:
          'Withdraw a report made by mistake: agencies not yet told never are; each agency already told by webhook is sent `{agency}.notification.withdrawn`, and inboxes show "Withdrawn: do not act". Asking again changes nothing',
        params: z.object({ reference: z.string().max(40) }),
        headers: z.object({
          'tracking-secret': z
            .string()
            .max(200)
            .meta({ description: 'The secret returned when the submission was made' }),
        }),
        body: withdrawalRequestSchema,
        response: {
          200: withdrawalResponseSchema,
          400: problemSchema,
          404: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) => {
      const reference = normaliseReference(request.params.reference);
      const found = await findSubmissionStatus(app.db, reference);
      if (!found || !trackingSecretMatches(request.headers['tracking-secret'], found.trackingSecretHash)) {
        throw new NotFoundError('No submission matches this reference and tracking secret.');
      }
      const submission = await app.db
        .selectFrom('submissions')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      const result = await withdrawSubmission(app.db, {
        submissionId: submission.id,
        by: 'resident',
        reason: request.body.reason,
        actor: { type: 'resident' },
      });
      const withdrawnAt = result.withdrawnAt ?? new Date();
      return { reference, withdrawnAt: withdrawnAt.toISOString() };
    },
  );
};
