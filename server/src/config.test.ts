import { describe, expect, it } from 'vitest';
import { ConfigError, deprecatedEnvWarnings, knownEnvNames, parseEnv, toConfig } from './config.js';

function messageFor(env: Record<string, string>): string {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('has working defaults for a laptop', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: '.data', LOG_LEVEL: 'info' });
    expect(
      toConfig(env, { databaseUrl: 'postgres://x/y', sessionSecret: 's'.repeat(32), protectedDataKeys: [] }).publicUrl,
    ).toBe('http://localhost:3000');
    expect(
      toConfig(env, { databaseUrl: 'postgres://x/y', sessionSecret: 's'.repeat(32), protectedDataKeys: [] }).retention,
    ).toEqual({ answersDays: 90 });
  });

  it('logs readable lines on a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    const found = { databaseUrl: 'postgres://x/y', sessionSecret: 's'.repeat(32), protectedDataKeys: [] };
    expect(toConfig(parseEnv({}), { ...found, terminal: true }).logFormat).toBe('pretty');
    expect(toConfig(parseEnv({}), { ...found, terminal: false }).logFormat).toBe('json');
    expect(toConfig(parseEnv({}), found).logFormat).toBe('json');
    expect(toConfig(parseEnv({ LOG_FORMAT: 'json' }), { ...found, terminal: true }).logFormat).toBe('json');
    expect(toConfig(parseEnv({ LOG_FORMAT: 'pretty' }), { ...found, terminal: false }).logFormat).toBe('pretty');
    expect(messageFor({ LOG_FORMAT: 'loud' })).toBe(
      'Configuration error: LOG_FORMAT must be pretty or json (got "loud").',
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "abc").'],
    [{ PORT: '0' }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "0").'],
    [
      { LOG_LEVEL: 'loud' },
      'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent (got "loud").',
    ],
    [{ PUBLIC_URL: 'nope' }, 'Configuration error: PUBLIC_URL must be a full URL, like https://example.org.'],
    [{ DATABASE_URL: 'mysql://x' }, 'Configuration error: DATABASE_URL must be a postgres:// connection string.'],
  ])('explains %o in one line', (env, message) => {
    expect(messageFor(env)).toBe(message);
  });

  it('takes a scheduled file channel per agency, whole, and never beside a webhook', () => {
    const file = {
      AGENCY_COUNCIL_FILE_SFTP_URL: 'sftp://tuo@files.council.example:2222/imports/tell-us-once',
      AGENCY_COUNCIL_FILE_SFTP_KEY_FILE: '/etc/tuo/council_key',
      AGENCY_COUNCIL_FILE_SFTP_HOST_KEY: `SHA256:${'A'.repeat(43)}`,
    };
    const config = toConfig(parseEnv({ ...file, AGENCY_COUNCIL_FILE_FORMAT: 'xml' }), {
      databaseUrl: 'postgres://x/y',
      sessionSecret: 's'.repeat(32),
      protectedDataKeys: [],
    });
    expect(config.agencies.council.file).toEqual({
      sftp: {
        host: 'files.council.example',
        port: 2222,
        username: 'tuo',
        directory: '/imports/tell-us-once',
        privateKeyFile: '/etc/tuo/council_key',
        hostKeySha256: `SHA256:${'A'.repeat(43)}`,
      },
      format: 'xml',
      schedule: '0 18 * * *',
    });
    expect(config.agencies['gp-practice'].file).toBeUndefined();
    expect(messageFor({ AGENCY_COUNCIL_FILE_SFTP_URL: file.AGENCY_COUNCIL_FILE_SFTP_URL })).toMatch(
      /^Configuration error: AGENCY_COUNCIL_FILE_SFTP_KEY_FILE is required when AGENCY_COUNCIL_FILE_SFTP_URL is set/,
    );
    expect(
      messageFor({
        ...file,
        AGENCY_COUNCIL_WEBHOOK_URL: 'https://x.example',
        AGENCY_COUNCIL_WEBHOOK_SECRET: `whsec_${'a'.repeat(32)}`,
      }),
    ).toMatch(
      /AGENCY_COUNCIL_FILE_SFTP_URL cannot be set beside AGENCY_COUNCIL_WEBHOOK_URL: choose one primary channel/,
    );
    expect(messageFor({ ...file, AGENCY_COUNCIL_FILE_SFTP_URL: 'ftp://x/y' })).toMatch(/must be an sftp:\/\/ address/);
  });

  it('takes a webhook per kind of organisation only with its secret, named from the kind', () => {
    const secret = `whsec_${Buffer.alloc(24, 1).toString('base64')}`;
    expect(messageFor({ AGENCY_HOUSING_PROVIDER_WEBHOOK_URL: 'https://housing.example/hook' })).toBe(
      'Configuration error: AGENCY_HOUSING_PROVIDER_WEBHOOK_SECRET is required when AGENCY_HOUSING_PROVIDER_WEBHOOK_URL is set.',
    );
    expect(messageFor({ AGENCY_JOBCENTRE_WEBHOOK_SECRET: secret })).toBe(
      'Configuration error: AGENCY_JOBCENTRE_WEBHOOK_URL is required when AGENCY_JOBCENTRE_WEBHOOK_SECRET is set.',
    );
    const found = { databaseUrl: 'postgres://x/y', sessionSecret: 's'.repeat(32), protectedDataKeys: [] };
    const env = {
      AGENCY_GP_PRACTICE_WEBHOOK_URL: 'https://gp.example/hook',
      AGENCY_GP_PRACTICE_WEBHOOK_SECRET: secret,
    };
    const agencies = toConfig(parseEnv(env), found).agencies;
    expect(agencies['gp-practice'].webhook).toEqual({ url: 'https://gp.example/hook', secret });
    expect(Object.keys(agencies)).toEqual(['council', 'gp-practice', 'housing-provider', 'jobcentre']);
    expect(knownEnvNames).toEqual(
      expect.arrayContaining([
        'AGENCY_COUNCIL_WEBHOOK_URL',
        'AGENCY_GP_PRACTICE_WEBHOOK_SECRET',
        'AGENCY_HOUSING_PROVIDER_WEBHOOK_URL',
        'AGENCY_JOBCENTRE_WEBHOOK_SECRET',
      ]),
    );
  });

  it('requires SESSION_SECRET with an external database, and never echoes secrets', () => {
    expect(messageFor({ DATABASE_URL: 'postgres://u:p@h/d' })).toMatch(
      /^Configuration error: SESSION_SECRET is required when DATABASE_URL is set/,
    );
    const short = messageFor({ DATABASE_URL: 'postgres://u:p@h/d', SESSION_SECRET: 'tooshort' });
    expect(short).toContain('SESSION_SECRET must be at least 32 characters');
    expect(short).not.toContain('tooshort');
  });

  it('requires PROTECTED_DATA_KEYS with an external database, reads a keyring with the current key first, and never echoes keys', () => {
    const external = { DATABASE_URL: 'postgres://u:p@h/d', SESSION_SECRET: 's'.repeat(32) };
    expect(messageFor(external)).toMatch(
      /^Configuration error: PROTECTED_DATA_KEYS is required when DATABASE_URL is set/,
    );
    const [k2, k1] = [Buffer.alloc(32, 2).toString('base64'), Buffer.alloc(32, 1).toString('base64')];
    const keys = parseEnv({ ...external, PROTECTED_DATA_KEYS: `k2:${k2}, k1:${k1}` }).PROTECTED_DATA_KEYS;
    expect(keys?.map((key) => key.id)).toEqual(['k2', 'k1']);
    expect(keys?.[0]?.secret).toEqual(Buffer.alloc(32, 2));
    for (const bad of ['k1', `k1:${Buffer.alloc(16).toString('base64')}`, `k1:${k1},k1:${k2}`, `bad id:${k1}`]) {
      const message = messageFor({ ...external, PROTECTED_DATA_KEYS: bad });
      expect(message).toContain('PROTECTED_DATA_KEYS must be key-id:base64-of-32-random-bytes pairs');
      expect(message).not.toContain(k1);
    }
  });

  it('takes DELIVERY_ORGANISATION_CONCURRENCY, and its old name DELIVERY_AGENCY_CONCURRENCY with a warning, the new one winning', () => {
    const found = { databaseUrl: 'postgres://x/y', sessionSecret: 's'.repeat(32), protectedDataKeys: [] };
    const perOrganisation = (env: Record<string, string>) =>
      toConfig(parseEnv(env), found).delivery.organisationConcurrency;
    expect(perOrganisation({})).toBe(16);
    expect(deprecatedEnvWarnings(parseEnv({}))).toEqual([]);
    expect(perOrganisation({ DELIVERY_ORGANISATION_CONCURRENCY: '4' })).toBe(4);
    expect(deprecatedEnvWarnings(parseEnv({ DELIVERY_ORGANISATION_CONCURRENCY: '4' }))).toEqual([]);
    expect(perOrganisation({ DELIVERY_AGENCY_CONCURRENCY: '3' })).toBe(3);
    expect(deprecatedEnvWarnings(parseEnv({ DELIVERY_AGENCY_CONCURRENCY: '3' }))).toEqual([
      'DELIVERY_AGENCY_CONCURRENCY is deprecated: set DELIVERY_ORGANISATION_CONCURRENCY instead.',
    ]);
    const both = { DELIVERY_ORGANISATION_CONCURRENCY: '4', DELIVERY_AGENCY_CONCURRENCY: '3' };
    expect(perOrganisation(both)).toBe(4);
    expect(deprecatedEnvWarnings(parseEnv(both))).toEqual([
      'DELIVERY_AGENCY_CONCURRENCY is deprecated: set DELIVERY_ORGANISATION_CONCURRENCY instead (it is set, and wins).',
    ]);
    // Either name is checked the same way.
    expect(messageFor({ DELIVERY_AGENCY_CONCURRENCY: '0' })).toContain('DELIVERY_AGENCY_CONCURRENCY');
    expect(messageFor({ DELIVERY_ORGANISATION_CONCURRENCY: 'many' })).toContain('DELIVERY_ORGANISATION_CONCURRENCY');
    expect(knownEnvNames).toEqual(
      expect.arrayContaining(['DELIVERY_ORGANISATION_CONCURRENCY', 'DELIVERY_AGENCY_CONCURRENCY']),
    );
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '', LOG_LEVEL: '' }).PORT).toBe(3000);
  });

  it('lists the variable names it knows', () => {
    expect(knownEnvNames).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'PORT', 'HOST', 'DATA_DIR', 'SESSION_SECRET', 'LOG_LEVEL', 'PUBLIC_URL']),
    );
  });
});
