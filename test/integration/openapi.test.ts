import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Record<string, unknown>>();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('states the security requirement of every agency operation', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const agencyOperations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/agency/'))
      .flatMap(([, ops]) => Object.values(ops));
    expect(agencyOperations.length).toBeGreaterThanOrEqual(4);
    for (const operation of agencyOperations) {
      expect(operation.security).toEqual([{ agencyApiKey: [] }]);
      expect(Object.keys(operation.responses)).toContain('401');
    }
  });

  it('is rendered as documentation for agency developers, under the same strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
    expect(String(res.headers['content-security-policy'])).not.toContain("'unsafe-eval'");
  });
});
