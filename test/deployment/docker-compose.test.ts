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

  it('runs each role as its npm script does: the compiled server, with node directly', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    for (const [service, script] of [
      ['api', 'start:api'],
      ['worker', 'start:worker'],
    ] as const) {
      const command = compose.services[service]?.command ?? [];
      expect(command.join(' '), service).toBe(scripts[script]);
      expect(command[0], service).toBe('node');
      expect(command[1], service).toMatch(/^server\/dist\/.+\.js$/);
    }
    expect(dockerfile).toContain('RUN npm run build\n');
    expect(dockerfile).toContain(`CMD ${JSON.stringify(compose.services.api?.command)}`.replaceAll(',', ', '));
    // What the build makes is what the scripts run.
    expect(scripts.build).toContain('build:server');
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
