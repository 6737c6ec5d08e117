import { parseEnv, ConfigError } from '../config.js';
import { withCliDatabase } from './cli-database.js';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database
// (the running portal's, or one started for the purpose); the helper migrates and says what it did.
try {
  await withCliDatabase(parseEnv(process.env), () => Promise.resolve());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `[tell-us-once] ${String(error)}`);
  process.exitCode = 1;
}
