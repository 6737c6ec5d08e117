import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * Generates the OpenAPI 3.1 document from the zod schemas every route declares, so the
 * published contract is the one the server enforces. Served at `/api/openapi.json`.
 */
export const openApiPlugin = fp(
  async (app: FastifyInstance, options: { publicUrl: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Tell Us Once portal API',
          version: '1.0.0',
          description:
            'Report a life event once; the portal routes it to every agency that needs it. ' +
            'Errors are RFC 9457 problem details (application/problem+json). ' +
            "Nothing is sent to any agency until a report is checked: an anonymous online report once its reporter confirms the code sent to them, a trusted submitter's (bearer `trustedSubmitterKey`) at once, and each only when its verification level meets the agency's minimum (`VERIFICATION_MINIMUMS`). " +
            'Webhook agencies receive Standard Webhooks events `{agency}.notification.created` (the routed payload with its `verification`, and `possibleDuplicateOf` when another report of the same event is known), ' +
            '`{agency}.notification.target_missed`, `{agency}.notification.withdrawn` (`data`: `id` of the notification, `reference`, `lifeEvent`, `withdrawnAt`, `withdrawnBy`: do not act on it) and ' +
            '`{agency}.notification.corrected` (`data`: `id`, `reference`, `lifeEvent`, `correctedAt`, and `answers`: the new values of only the routed fields that changed, null for one removed); each event has its own `webhook-id`, stable across retries.',
        },
        servers: [{ url: options.publicUrl }],
        tags: [
          { name: 'health', description: 'Liveness and readiness for load balancers and orchestrators' },
          { name: 'submissions', description: 'Report a life event and follow its progress' },
          {
            name: 'agency',
            description: "For agencies' systems: pull your inbox, acknowledge and action notifications",
          },
          {
            name: 'staff',
            description: 'The customer-centre console: sign in, search, view, assist residents, repair deliveries',
          },
          {
            name: 'admin',
            description: 'Administration: the audit log, staff accounts and the directory of organisations',
          },
          {
            name: 'agency-portal',
            description:
              "For agency admins: manage your agency's API keys and webhook secret (the agency portal's session)",
          },
          { name: 'address', description: 'Find the addresses at a postcode (for the resident pages)' },
          {
            name: 'performance',
            description:
              'Open performance figures: how quickly agencies acknowledge and action notifications (no personal data)',
          },
        ],
        components: {
          securitySchemes: {
            agencySession: {
              type: 'apiKey',
              in: 'cookie',
              name: 'tuo-agency',
              description:
                "An agency portal session cookie from `POST /api/agency-portal/sign-in` (named `__Host-tuo-agency` over HTTPS). State-changing requests must also send the session's `x-csrf-token`.",
            },
            agencyApiKey: {
              type: 'http',
              scheme: 'bearer',
              description: 'An agency API key (`npm run agency:key`); it sees only its own agency',
            },
            trustedSubmitterKey: {
              type: 'http',
              scheme: 'bearer',
              description:
                'A trusted submitter\'s key (`npm run submitter:key -- --name "…" --level low|medium|high`), for partner systems such as a register office: `POST /api/submissions` with it skips the confirmation code and carries the key\'s level. Optional: without it a report is anonymous.',
            },
            staffSession: {
              type: 'apiKey',
              in: 'cookie',
              name: 'tuo-staff',
              description:
                "A staff session cookie from `POST /api/staff/sign-in` (named `__Host-tuo-staff` over HTTPS). State-changing requests must also send the session's `x-csrf-token`.",
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
    // Rendered documentation for agency developers, served from this app (no third-party origin), under
    // the site-wide Content-Security-Policy: its scripts are files, not inline. The base layout leaves
    // out Swagger UI's top bar, whose logo is an SVG with an inline <style> the policy refuses (and a
    // box for exploring other documents, which this one page does not need); no validator is called.
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: {
        docExpansion: 'list',
        deepLinking: true,
        defaultModelsExpandDepth: 0,
        layout: 'BaseLayout',
        validatorUrl: null,
      },
    });
  },
  { name: 'openapi' },
);
