import { parseEnv, toConfig, type Config } from '../../server/src/config.js';
import { createProtectedValues, type ProtectedValues } from '../../server/src/privacy/protected-values.js';

/** The protected-data keys of tests, in PROTECTED_DATA_KEYS's form (for processes a test starts). */
export const testProtectedDataKeys = `test1:${Buffer.alloc(32, 7).toString('base64')}`;

/** The session secret of tests' apps (it also seals their second factors' keys). */
export const testSessionSecret = 'test-session-secret-that-is-long-enough-0123456789';

/** A real configuration, parsed from environment-style settings the way the server parses them. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  const parsed = parseEnv({
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Tests send many reports with the same example contact details from one address.
    CONFIRMATION_CODES_PER_RECIPIENT_PER_DAY: '100000',
    CONFIRMATION_CODES_PER_ADDRESS_PER_HOUR: '100000',
    PROTECTED_DATA_KEYS: testProtectedDataKeys,
    ...env,
  });
  return toConfig(parsed, {
    databaseUrl,
    sessionSecret: testSessionSecret,
    protectedDataKeys: parsed.PROTECTED_DATA_KEYS ?? [],
  });
}

/** The protected-values boundary tests' apps and workers use (the same keys as {@link testConfig}). */
export function testProtectedValues(env: Record<string, string> = {}): ProtectedValues {
  return createProtectedValues(testConfig('postgres://unused/unused', env).protectedDataKeys);
}
