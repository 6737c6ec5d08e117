import { ConfigError, parseEnv, parseProtectedDataKeys } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { createProtectedValues } from './protected-values.js';
import { resealProtectedData } from './reseal-protected-data.js';

// `npm run privacy:reseal` re-seals now, under the first key of PROTECTED_DATA_KEYS, everything
// sealed under an older key (the worker also does this every ten minutes), and says what is left.
try {
  const env = parseEnv(process.env);
  await withCliDatabase(env, async (db, embedded) => {
    const privacy = createProtectedValues(
      env.PROTECTED_DATA_KEYS ?? parseProtectedDataKeys(embedded?.protectedDataKeys ?? ''),
    );
    const { resealed, unreadable } = await resealProtectedData(db, privacy);
    console.log(`Re-sealed ${String(resealed)} submissions under key ${privacy.keyring.currentKeyId}.`);
    if (unreadable > 0) {
      console.error(
        `${String(unreadable)} submissions are sealed under a key that is not configured: keep (or put back) that key in PROTECTED_DATA_KEYS.`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        'Nothing is sealed under an older key. Remove an old key once resident sessions have expired too (4 hours); saved forms are re-sealed with the rest.',
      );
    }
  });
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Could not re-seal: ${error instanceof Error ? error.message : 'unknown error'}`,
  );
  process.exitCode = 1;
}
