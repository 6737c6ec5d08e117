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

  it('describes trusted submitters, confirmation, withdrawal and what a notification says about its checks', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
      components: {
        securitySchemes: Record<string, { type: string; scheme?: string }>;
        schemas: Record<string, { properties: Record<string, { properties?: Record<string, unknown> }> }>;
      };
    }>();
    expect(doc.components.securitySchemes.trustedSubmitterKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const submit = doc.paths['/api/submissions']?.post;
    expect(submit?.security).toEqual([{}, { trustedSubmitterKey: [] }]);
    expect(Object.keys(submit?.responses ?? {})).toContain('401');
    for (const path of ['confirmation', 'confirmation-code', 'withdrawal'])
      expect(doc.paths[`/api/submissions/{reference}/${path}`]?.post).toBeDefined();
    const notification = doc.components.schemas.AgencyNotification?.properties;
    expect(notification?.possibleDuplicateOf).toBeDefined();
    expect(JSON.stringify(notification?.corrections)).toContain('payload.answers');
    const verification = JSON.stringify(notification?.payload?.properties?.verification);
    for (const word of ['low', 'medium', 'high', 'trusted-submitter', 'registrar-reference-given', 'evidence-given'])
      expect(verification).toContain(`"${word}"`);
  });

  it('is rendered as documentation for agency developers, under the same strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
    expect(String(res.headers['content-security-policy'])).not.toContain("'unsafe-eval'");
  });
});
