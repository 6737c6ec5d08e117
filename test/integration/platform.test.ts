import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('says the process is alive', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('says ready when the database is reachable and migrations are current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, migrations: { ok: true } } });
  });

  it('says not ready, with the reason, when this process runs a worker that has stopped', async () => {
    const other = await createTestApp({ workerStatus: () => ({ ok: false, detail: 'The queue worker has stopped.' }) });
    try {
      const res = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'not_ready',
        checks: { worker: { ok: false, detail: 'The queue worker has stopped.' } },
      });
    } finally {
      await other.close();
    }
  });
});

describe('errors are problem details', () => {
  it('refuses a 2 MB body with 413 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/submissions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 413,
      code: expect.any(String) as string,
      requestId: expect.any(String) as string,
    });
  });

  it('answers an unknown API address with 404 problem+json carrying the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<{ requestId: string; code: string }>();
    expect(body.code).toBe('not_found');
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/healthz',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('security baseline', () => {
  it('sends a Content-Security-Policy that allows no inline script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the same security headers on refusals, on pages that are not there and on static files', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'x-dns-prefetch-control': 'off',
      'x-permitted-cross-domain-policies': 'none',
    });
    expect(page.headers['x-powered-by']).toBeUndefined();
    // Helmet's headers (the rate limit's and the request id differ by request).
    const securityHeaders = Object.fromEntries(
      Object.entries(page.headers).filter(
        ([name]) =>
          !/^x-(ratelimit-|request-id)/.test(name) && /^(content-security|x-|referrer|cross-origin|origin-)/.test(name),
      ),
    );
    expect(Object.keys(securityHeaders).length).toBeGreaterThanOrEqual(11);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/submissions',
      headers: { authorization: 'Bearer not-a-key', 'content-type': 'application/json' },
      payload: '{}',
    });
    const missing = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    const stylesheet = /href="([^"]+\.css)"/.exec(page.body)?.[1] ?? '';
    const asset = await t.app.inject({ method: 'GET', url: stylesheet });
    expect([refused.statusCode, missing.statusCode, asset.statusCode]).toEqual([401, 404, 200]);
    for (const res of [refused, missing, asset]) expect(res.headers).toMatchObject(securityHeaders);
  });

  it('rate-limits each address', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i += 1) codes.push((await limited.app.inject({ method: 'GET', url: '/' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('does not let a client choose its address with X-Forwarded-For to escape the limit', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        codes.push(
          (
            await limited.app.inject({
              method: 'GET',
              url: '/',
              headers: { 'x-forwarded-for': `203.0.113.${String(i)}` },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('sends HSTS when the service is public over HTTPS', async () => {
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://tell-us-once.example.gov.uk' } });
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await secure.close();
    }
  });
});

describe('logs carry no personal data', () => {
  it('keeps an NHS number in a query string, header or body out of every log line', async () => {
    const nhsNumber = '4857773456';
    await t.app.inject({ method: 'GET', url: `/api/lookup?nhsNumber=${nhsNumber}&postcode=SW1A%202AA` });
    await t.app.inject({
      method: 'POST',
      url: '/api/nothing-here',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${nhsNumber}`, cookie: `s=${nhsNumber}` },
      payload: { nhsNumber, name: 'Ada Lovelace' },
    });
    const logs = t.logs();
    expect(logs).toContain('/api/lookup?nhsNumber=[redacted]&postcode=[redacted]');
    expect(logs).not.toContain(nhsNumber);
    expect(logs).not.toContain('SW1A');
    expect(logs).not.toContain('Lovelace');
  });
});

describe('the published API contract', () => {
  it('serves an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
  });
});

describe('pages', () => {
  it('renders the start page on the server, in English, with the page model for hydration', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="en" dir="ltr"');
    expect(res.body).toContain('Tell us once about a change in your life</h1>');
    expect(res.body).toContain('<script type="application/json" id="page-model">');
    expect(res.body).toMatch(/<script type="module" crossorigin src="\/static\/[^"]+\.js"><\/script>/);
  });

  it('serves the built bundles it links to', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const css = /href="(\/static\/[^"]+\.css)"/.exec(page.body)?.[1];
    expect(css).toBeDefined();
    const res = await t.app.inject({ method: 'GET', url: css ?? '' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('govuk-');
  });

  it('shows a page-not-found page to a browser', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Page not found');
  });
});
