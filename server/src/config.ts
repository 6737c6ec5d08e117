import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int({ error: 'must be a whole number from 1 to 65535' })
  .min(1, { error: 'must be a whole number from 1 to 65535' })
  .max(65535, { error: 'must be a whole number from 1 to 65535' });

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `must be a whole number (${what})` })
    .int({ error: `must be a whole number (${what})` })
    .positive({ error: `must be a whole number above 0 (${what})` });

const url = z.url({ error: 'must be a full URL, like https://example.org' });

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'must be one of fatal, error, warn, info, debug, trace or silent',
});

/**
 * Every environment variable the portal reads, in one place. Parsed once at start;
 * the rest of the code receives the typed result and never reads `process.env`.
 */
export const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// connection string' })
      .optional(),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    SESSION_SECRET: z
      .string()
      .min(32, { error: 'must be at least 32 characters (a long random string)' })
      .optional(),
    LOG_LEVEL: logLevel.default('info'),
    PUBLIC_URL: url.optional(),
    WORKER_CONCURRENCY: positiveInt('jobs run at once per worker process').default(8),
    BODY_LIMIT_BYTES: positiveInt('largest request body accepted').default(1_048_576),
    RATE_LIMIT_PER_MINUTE: positiveInt('requests per minute from one address').default(600),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when DATABASE_URL is set (a long random string shared by every API process)',
      });
    }
  });

/** The parsed environment, before embedded-mode defaults are filled in. */
export type Env = z.infer<typeof envSchema>;

/** What the running portal needs: every value known. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  dataDir: string;
  sessionSecret: string;
  logLevel: Env['LOG_LEVEL'];
  publicUrl: string;
  workerConcurrency: number;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
}

/** Thrown when the environment is unusable; its message is one line for a person. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `process.env` (or a given record) into {@link Env}, or throws one clear {@link ConfigError}. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings come from `FOO=` in shells and compose files; treat them as unset.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const given = cleaned[name];
  const shown = given === undefined || /SECRET|KEY|URL/.test(name) ? '' : ` (got "${given}")`;
  throw new ConfigError(`Configuration error: ${name} ${issue?.message ?? 'is invalid'}${shown}.`);
}

/** The variable names the portal understands, so deployment files can be checked against them. */
export const knownEnvNames: readonly string[] = Object.keys(envSchema.shape);

/** Completes {@link Env} with a database URL and secret, as found or made by the caller. */
export function toConfig(env: Env, found: { databaseUrl: string; sessionSecret: string }): Config {
  return {
    databaseUrl: found.databaseUrl,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    sessionSecret: found.sessionSecret,
    logLevel: env.LOG_LEVEL,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${String(env.PORT)}`,
    workerConcurrency: env.WORKER_CONCURRENCY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  };
}
