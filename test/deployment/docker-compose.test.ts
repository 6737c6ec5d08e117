import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { knownEnvNames } from '../../server/src/config.js';

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  ports?: string[];
  container_name?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

// No Docker engine runs here, so the compose file is checked for sense rather than run.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const ours = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

describe('docker-compose.yml', () => {
  it('describes postgres, api and worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'worker']);
    expect(compose.services.postgres?.image).toMatch(/^postgres:(1[5-9]|[2-9]\d)/);
  });

  it('sets only variables the configuration knows', () => {
    for (const [name, service] of ours) {
      for (const variable of Object.keys(service.environment ?? {})) {
        expect(knownEnvNames, `${name} sets ${variable}`).toContain(variable);
      }
      expect(Object.keys(service.environment ?? {}), name).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'SESSION_SECRET', 'PROTECTED_DATA_KEYS']),
      );
    }
  });

  it('runs each role through an npm script that exists', () => {
    expect(compose.services.api?.command).toEqual(['npm', 'run', 'start:api']);
    expect(compose.services.worker?.command).toEqual(['npm', 'run', 'start:worker']);
    expect(scripts['start:api']).toBeDefined();
    expect(scripts['start:worker']).toBeDefined();
  });

  it('checks the health of every service and starts the app only once Postgres is healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.healthcheck?.test.join(' '), name).toBeTruthy();
    }
    for (const [name, service] of ours) {
      expect(service.healthcheck?.test.join(' '), name).toContain('/readyz');
      expect(service.depends_on?.postgres?.condition, name).toBe('service_healthy');
    }
  });

  it('lets the worker scale with --scale (no fixed name or host port)', () => {
    expect(compose.services.worker?.container_name).toBeUndefined();
    expect(compose.services.worker?.ports).toBeUndefined();
  });

  it('gives no secret a default', () => {
    expect(compose.services.api?.environment?.SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?/);
    for (const [name, service] of ours)
      expect(service.environment?.PROTECTED_DATA_KEYS, name).toMatch(/^\$\{PROTECTED_DATA_KEYS:\?/);
  });
});
