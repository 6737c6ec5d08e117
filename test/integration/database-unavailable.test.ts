import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { exampleSubmissions } from '@tuo/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { createDb } from '../../server/src/db/create-db.js';
import type { Database } from '../../server/src/db/database.js';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { testConfig } from '../support/test-config.js';

/** The body as a browser would read it: decoded as its content-encoding header says (so a false header fails). */
function decodedBody(response: LightMyRequestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString('utf8');
  expect(encoding).toBeUndefined();
  return response.body;
}

// The real app over a database that is not there: a port nothing listens on.
describe('while the database cannot be reached', () => {
  let app: FastifyInstance;
  let db: Kysely<Database>;
  let port: number;
  // What Fastify's default answer leaked: the socket error, the address and port, its own fields.
  const internals = () => ['ECONNREFUSED', '127.0.0.1', `:${String(port)}`, 'statusCode', 'connect '];

  beforeAll(async () => {
    port = await findFreePort();
    const databaseUrl = `postgres://postgres:unused@127.0.0.1:${String(port)}/tell_us_once`;
    db = createDb(databaseUrl).db;
    app = await buildApp({ config: testConfig(databaseUrl, { LOG_LEVEL: 'silent' }), db });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it.each(['/start', '/track', '/staff/sign-in', '/agency/sign-in'])(
    'the page %s is our own "try again later" page, 503 with Retry-After, readable whatever the browser accepts',
    async (url) => {
      for (const acceptEncoding of ['br, gzip', 'gzip', 'identity']) {
        const response = await app.inject({
          url,
          headers: { accept: 'text/html,application/xhtml+xml', 'accept-encoding': acceptEncoding },
        });
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('30');
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        const html = decodedBody(response);
        expect(html).toContain('<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>');
        expect(html).toContain('Try again later.');
        // Nothing may be claimed as saved, and nothing internal shows.
        expect(html).not.toContain('have been saved');
        for (const internal of internals().slice(0, 3)) expect(html).not.toContain(internal);
      }
    },
  );

  it.each([
    ['POST', '/api/submissions'],
    ['GET', '/api/agency/notifications'],
  ] as const)(
    'the API answers %s %s with problem+json 503 and Retry-After, naming nothing internal',
    async (method, url) => {
      const response = await app.inject({
        method,
        url,
        headers: {
          accept: 'application/json',
          'accept-encoding': 'br, gzip',
          authorization: 'Bearer tuo_unknown_key',
        },
        // A submission that would be accepted: nothing of it can be written, so none of it is.
        ...(method === 'POST' ? { payload: exampleSubmissions['someone-died'] } : {}),
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('30');
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const body = decodedBody(response);
      expect(JSON.parse(body)).toEqual({
        type: 'about:blank',
        title: 'Service unavailable',
        status: 503,
        code: 'unavailable',
        detail: 'The service is unavailable for a moment. Try again later.',
        requestId: response.headers['x-request-id'],
      });
      for (const internal of internals()) expect(body).not.toContain(internal);
    },
  );

  it('readiness says the database cannot be reached', async () => {
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not_ready', checks: { database: { ok: false } } });
  });
});
