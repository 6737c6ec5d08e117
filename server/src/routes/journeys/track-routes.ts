import {
  agencyKinds,
  isValidReference,
  deliveryKey,
  normaliseReference,
  parseDeliveryKey,
  type FieldError,
  type SubmissionStatusResponse,
} from '@tuo/shared';
import type { FormValues } from '@tuo/shared/pages/form-values';
import { isTrackingCode } from '@tuo/shared/identifiers/tracking-code';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findSubmissionStatus } from '../../db/submission-status.js';
import { trackingSecretMatches } from '../../submissions/tracking-secret.js';
import { csrfToken } from './csrf.js';
import { postedFormSchema } from './posted-form.js';
import { isTracked, rememberTracked, trackChaseProps, trackChaseRoutes, type ChaseConfig } from './track-chase.js';
import { trackWithdrawRoutes } from './track-withdraw.js';

// As strict as the status API: these guess at secrets.
const rateLimit = { max: 30, timeWindow: '1 minute' };

async function lookUp(
  request: FastifyRequest,
  reference: string,
  secret: string,
): Promise<{ errors: FieldError[]; result: SubmissionStatusResponse | null }> {
  const errors: FieldError[] = [];
  if (reference.trim() === '') errors.push({ field: 'reference', message: pageMessages.referenceMissing });
  else if (!isValidReference(reference)) errors.push({ field: 'reference', message: pageMessages.referenceFormat });
  if (secret.trim() === '') errors.push({ field: 'secret', message: pageMessages.trackingCodeMissing });
  // Secrets issued before tracking codes (22 or more base64url characters) are still honoured.
  else if (!isTrackingCode(secret) && !/^[A-Za-z0-9_-]{22,128}$/.test(secret.trim()))
    errors.push({ field: 'secret', message: pageMessages.trackingCodeFormat });
  if (errors.length > 0) return { errors, result: null };
  const found = await findSubmissionStatus(request.server.db, normaliseReference(reference));
  if (!found || !trackingSecretMatches(secret.trim(), found.trackingSecretHash))
    return { errors: [{ field: 'reference', message: pageMessages.trackNotFound }], result: null };
  return { errors: [], result: found.status };
}

/** Chase form values and errors, or the agency just chased, to show with a result; or the withdrawal form's. */
interface ChaseExtra {
  values?: FormValues;
  errors?: FieldError[];
  /** The delivery (its key) a request to chase was just made for. */
  requested?: string | null;
  withdrawal?: { values: FormValues; errors: FieldError[] };
}

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  config: ChaseConfig,
  values: { reference: string; secret: string },
  errors: FieldError[],
  result: SubmissionStatusResponse | null,
  chase: ChaseExtra = {},
) {
  if (errors.length > 0) reply.code(400);
  // Unlocked once with the tracking code: this session may come back to it, and chase it.
  if (result) rememberTracked(request, result.reference);
  return reply.page({
    page: 'track',
    // The secret is never echoed back into the page.
    props: {
      form: { action: '/track', csrfToken: csrfToken(request), values: { reference: values.reference }, errors },
      result,
      chase: result ? await trackChaseProps(request, config, result.reference, chase) : null,
      withdrawal:
        result && !result.withdrawn
          ? {
              form: {
                action: '/track/withdraw',
                csrfToken: csrfToken(request),
                values: { reference: result.reference, ...chase.withdrawal?.values },
                errors: chase.withdrawal?.errors ?? [],
              },
            }
          : null,
    },
  });
}

/**
 * The tracking page: a reference and tracking code give each agency's status. Confirmation
 * messages link to `/track?reference=…&secret=…`, so a GET with both looks them up too.
 */
export const trackRoutes: FastifyPluginAsyncZod<{ config: ChaseConfig }> = async (app, { config }) => {
  const query = z.object({
    reference: z.string().max(40).optional(),
    secret: z.string().max(200).optional(),
    requested: z.string().max(20).optional(),
  });
  app.get('/track', { config: { rateLimit }, schema: { hide: true, querystring: query } }, async (request, reply) => {
    const { reference, secret } = request.query;
    // A reference this session already unlocked (after chasing, say) shows without the code again.
    if (reference !== undefined && secret === undefined && isTracked(request, reference)) {
      const found = await findSubmissionStatus(request.server.db, normaliseReference(reference));
      const asked = parseDeliveryKey(agencyKinds, request.query.requested ?? '');
      const requested = asked ? deliveryKey(asked.agency, asked.role) : null;
      if (found) return render(request, reply, config, { reference, secret: '' }, [], found.status, { requested });
    }
    if (reference === undefined || secret === undefined)
      return render(request, reply, config, { reference: reference ?? '', secret: '' }, [], null);
    const { errors, result } = await lookUp(request, reference, secret);
    return render(request, reply, config, { reference, secret }, errors, result);
  });

  app.post(
    '/track',
    { config: { rateLimit }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const [reference, secret] = [request.body.reference, request.body.secret].map((value) =>
        typeof value === 'string' ? value : '',
      );
      const { errors, result } = await lookUp(request, reference ?? '', secret ?? '');
      return render(request, reply, config, { reference: reference ?? '', secret: secret ?? '' }, errors, result);
    },
  );

  await app.register(
    trackWithdrawRoutes(async (request, reply, reference, withdrawal) => {
      const found = await findSubmissionStatus(request.server.db, reference);
      return render(request, reply, config, { reference, secret: '' }, [], found?.status ?? null, { withdrawal });
    }),
  );

  await app.register(
    trackChaseRoutes(async (request, reply, reference, extra) => {
      const found = await findSubmissionStatus(request.server.db, reference);
      return render(request, reply, config, { reference, secret: '' }, [], found?.status ?? null, extra);
    }),
    { config },
  );
};
