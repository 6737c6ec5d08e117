import { parseEnv, toConfig, type Config } from '../../server/src/config.js';

/** A real configuration, parsed from environment-style settings the way the server parses them. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return toConfig(parseEnv({ LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '100000', ...env }), {
    databaseUrl,
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
  });
}
