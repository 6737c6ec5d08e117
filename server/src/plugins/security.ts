import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/** Options for the security baseline. */
export interface SecurityOptions {
  /** Requests per minute per client address before 429; look-up and sign-in routes set stricter limits. */
  rateLimitPerMinute: number;
  /**
   * Vite's dev server injects an inline React Refresh preamble and talks over a websocket; only
   * `npm run dev` relaxes the policy for them. Production pages never need either.
   */
  dev?: boolean;
  /** Served over HTTPS (PUBLIC_URL is https): tell browsers to keep to it (HSTS). */
  https?: boolean;
}

/**
 * Security headers on every response, with a Content-Security-Policy that allows no inline
 * script and nothing from other origins, a per-address rate limit, and no caching of the API.
 * Helmet's middleware is made once, so a bad option stops the start-up: @fastify/helmet makes it
 * again for every request (writing the policy out each time; see the README's "Benchmark") for
 * per-route options and nonces, neither of which this portal uses.
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: options.dev ? ["'self'", 'ws:'] : ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // Over plain HTTP (a laptop) HSTS would be meaningless; over HTTPS, a year.
      strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      // Our own pages need to know a visit came from one of them (focus then moves to the new
      // page's heading); no other site is ever told where a resident came from.
      referrerPolicy: { policy: 'same-origin' },
    });
    app.addHook('onRequest', (request, reply, done) => {
      securityHeaders(request.raw, reply.raw, (error) => {
        done(
          error === undefined
            ? undefined
            : error instanceof Error
              ? error
              : new Error('Could not set the security headers', { cause: error }),
        );
      });
    });
    // API answers carry references, statuses and personal answers: no browser or shared cache keeps
    // any of them, errors and rate-limit refusals included (an onSend hook sees every reply).
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    });
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests. Try again in ${context.after}.`,
      }),
    });
  },
  { name: 'security' },
);
