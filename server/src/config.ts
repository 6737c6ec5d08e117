import { agencyKinds, type AgencyKind } from '@tuo/shared';
import { z } from 'zod';
import { helpEnvShape, helpSettingsOf, type HelpSettings } from './i18n/help-settings.js';
import { logLevel, port, positiveInt, protectedDataKeys, url, webhookSecret, webhookUrl } from './config-values.js';
import { targetOverridesSchema } from './service-levels/target-overrides.js';
import type { ServiceLevels } from './service-levels/targets.js';
import type { ProtectedDataKey } from './privacy/keyring.js';
import { agencyEnvName, perAgency } from './channels/agency-env-names.js';
import { signInEnvIssues, signInEnvShape, signInSettingsOf, type SignInSettings } from './console/sign-in-settings.js';
import {
  emailAlertEnvShape,
  emailAlertIssues,
  emailAlertOf,
  type EmailAlertSettings,
} from './channels/email-alert-settings.js';
import {
  fileChannelEnvShape,
  fileChannelIssues,
  fileChannelOf,
  type FileChannelSettings,
} from './channels/file-channel-settings.js';
import { verificationMinimumsSchema, type VerificationMinimums } from './verification/verification-minimums.js';

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
    SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters (a long random string)' }).optional(),
    PROTECTED_DATA_KEYS: protectedDataKeys.optional(),
    ANSWERS_RETENTION_DAYS: positiveInt('days personal answers are kept after every agency has them').default(90),
    LOG_LEVEL: logLevel.default('info'),
    LOG_FORMAT: z.enum(['pretty', 'json'], { error: 'must be pretty or json' }).optional(),
    PUBLIC_URL: url.optional(),
    WORKER_CONCURRENCY: positiveInt('jobs run at once per worker process').default(8),
    BODY_LIMIT_BYTES: positiveInt('largest request body accepted').default(1_048_576),
    RATE_LIMIT_PER_MINUTE: positiveInt('requests per minute from one address').default(600),
    TRUST_PROXY: z
      .string()
      .regex(/^(false|true|\d{1,2}|[\d.:/a-fA-F, ]+)$/, {
        error: 'must be false, a number of proxy hops, or a list of proxy addresses/CIDRs',
      })
      .default('false'),
    ...perAgency('WEBHOOK_URL', webhookUrl.optional()),
    ...perAgency('WEBHOOK_SECRET', webhookSecret.optional()),
    ...fileChannelEnvShape,
    ...emailAlertEnvShape,
    AGENCY_WEBHOOK_SECRET_GRACE_HOURS: positiveInt('hours a rotated-out webhook secret keeps signing').default(24),
    DELIVERY_MAX_ATTEMPTS: positiveInt('tries before a delivery is marked failed').default(12),
    DELIVERY_RETRY_BASE_MS: positiveInt('wait before the first retry, doubling each time').default(5_000),
    DELIVERY_RETRY_MAX_MS: positiveInt('longest wait between retries').default(6 * 60 * 60 * 1000),
    DELIVERY_TIMEOUT_MS: positiveInt('how long to wait for an agency to answer').default(10_000),
    DELIVERY_CONCURRENCY: positiveInt('deliveries sent at once per worker process').default(64),
    DELIVERY_ORGANISATION_CONCURRENCY: positiveInt(
      'deliveries sent at once to one organisation per worker process',
    ).optional(),
    /** Deprecated: the name DELIVERY_ORGANISATION_CONCURRENCY had before agencies became organisations. */
    DELIVERY_AGENCY_CONCURRENCY: positiveInt(
      'deliveries sent at once to one organisation per worker process',
    ).optional(),
    DELIVERY_CIRCUIT_FAILURES: positiveInt('failed tries in a row after which an organisation is left alone').default(
      5,
    ),
    DELIVERY_CIRCUIT_OPEN_MS: positiveInt('how long an organisation that keeps failing is first left alone').default(
      5_000,
    ),
    SUBMISSION_BATCH_SIZE: positiveInt('submissions written in one statement at most').default(64),
    SUBMISSION_BATCH_WAIT_MS: positiveInt('how long a submission waits for others to be written with it').default(2),
    OUTBOX_RELAY_INTERVAL_MS: positiveInt('how often new deliveries are moved into the queue').default(200),
    WORKER_LEASE_SECONDS: positiveInt('silence after which a worker process is taken for dead').default(30),
    NOTIFY_BASE_URL: url.default('https://api.notifications.service.gov.uk'),
    CONFIRMATION_CODES_PER_RECIPIENT_PER_DAY: positiveInt(
      'confirmation codes one email or mobile number may be sent in a day',
    ).default(5),
    CONFIRMATION_CODES_PER_ADDRESS_PER_HOUR: positiveInt(
      'confirmation codes one client address may ask for in an hour',
    ).default(20),
    VERIFICATION_MINIMUMS: verificationMinimumsSchema.default({ overrides: [] }),
    NOTIFY_API_KEY: z.string().min(20, { error: 'must be a GOV.UK Notify API key' }).optional(),
    NOTIFY_EMAIL_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    NOTIFY_SMS_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    NOTIFY_AGENCY_ALERT_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    SAVED_FORM_DAYS: positiveInt('days a saved form can be returned to').default(28),
    NOTIFY_SAVED_FORM_EMAIL_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    NOTIFY_SAVED_FORM_SMS_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    NOTIFY_SIGN_IN_ALERT_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    NOTIFY_ACCOUNT_LINK_TEMPLATE_ID: z.uuid({ error: 'must be a GOV.UK Notify template id (a UUID)' }).optional(),
    ADDRESS_LOOKUP: z.enum(['sample', 'os-places'], { error: 'must be sample or os-places' }).default('sample'),
    OS_PLACES_API_KEY: z.string().min(8, { error: 'must be an OS Data Hub API key' }).optional(),
    ADDRESS_LOOKUP_TIMEOUT_MS: positiveInt('how long to wait for the address look-up').default(5_000),
    TARGET_ACKNOWLEDGE_WORKING_DAYS: positiveInt('working days an agency has to acknowledge a notification').default(2),
    TARGET_ACTION_WORKING_DAYS: positiveInt('working days an agency has to action a notification').default(10),
    TARGET_OVERRIDES: targetOverridesSchema.default([]),
    CHASE_REQUESTS_PER_DAY: positiveInt('requests to chase one report a resident may make in a day').default(3),
    // "Get help" on every resident page, in English and in any other language (i18n/help-settings.ts).
    ...helpEnvShape,
    ...signInEnvShape,
  })
  .superRefine((env, ctx) => {
    for (const agency of agencyKinds) {
      const [url, secret] = [agencyEnvName(agency, 'WEBHOOK_URL'), agencyEnvName(agency, 'WEBHOOK_SECRET')];
      const urlSet = env[url] !== undefined;
      if (urlSet !== (env[secret] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [urlSet ? secret : url],
          message: `is required when ${urlSet ? url : secret} is set`,
        });
      }
    }
    for (const issue of [...fileChannelIssues(env), ...emailAlertIssues(env), ...signInEnvIssues(env)])
      ctx.addIssue({ code: 'custom', ...issue, path: [issue.path] });
    if (env.NOTIFY_AGENCY_ALERT_TEMPLATE_ID && !env.NOTIFY_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_API_KEY'],
        message: 'is required when NOTIFY_AGENCY_ALERT_TEMPLATE_ID is set',
      });
    }
    if (env.NOTIFY_API_KEY && !env.NOTIFY_EMAIL_TEMPLATE_ID && !env.NOTIFY_SMS_TEMPLATE_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_EMAIL_TEMPLATE_ID'],
        message: 'or NOTIFY_SMS_TEMPLATE_ID is required when NOTIFY_API_KEY is set',
      });
    }
    if ((env.NOTIFY_SAVED_FORM_EMAIL_TEMPLATE_ID || env.NOTIFY_SAVED_FORM_SMS_TEMPLATE_ID) && !env.NOTIFY_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_API_KEY'],
        message: 'is required when a NOTIFY_SAVED_FORM_*_TEMPLATE_ID is set',
      });
    }
    if (env.ADDRESS_LOOKUP === 'os-places' && !env.OS_PLACES_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OS_PLACES_API_KEY'],
        message: 'is required when ADDRESS_LOOKUP is os-places',
      });
    }
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when DATABASE_URL is set (a long random string shared by every API process)',
      });
    }
    if (env.DATABASE_URL && !env.PROTECTED_DATA_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['PROTECTED_DATA_KEYS'],
        message: 'is required when DATABASE_URL is set (the same on every process; e.g. k1:$(openssl rand -base64 32))',
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
  /** Encrypt NHS and NI numbers and dates of birth at rest; the first seals, all open (rotation). */
  protectedDataKeys: ProtectedDataKey[];
  /** Personal answers are erased this long after every agency has the submission (or gave up). */
  retention: { answersDays: number };
  logLevel: Env['LOG_LEVEL'];
  /**
   * `pretty`: readable lines, with each request logged at debug level (a person at a terminal);
   * `json`: one JSON object a line, requests at info (log collectors). LOG_FORMAT, else pretty on a terminal.
   */
  logFormat: 'pretty' | 'json';
  publicUrl: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /**
   * Which proxies' X-Forwarded-For to believe (false, a hop count, or addresses): believing a client's
   * own header would let it choose its address and escape every rate limit.
   */
  trustProxy: boolean | number | string;
  /**
   * Per agency, its primary channel: a webhook to push to, a scheduled file over SFTP, or neither
   * (the agency pulls from its inbox or reads it in the portal).
   */
  agencies: Record<
    AgencyKind,
    { webhook?: { url: string; secret: string }; file?: FileChannelSettings; alert?: EmailAlertSettings }
  >;
  /** The agency portal: how long a replaced webhook secret keeps signing beside the new one. */
  agencyPortal: { webhookSecretGraceMs: number };
  delivery: {
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    timeoutMs: number;
    /** Attempts in flight per worker process, and to one organisation. */
    concurrency: number;
    organisationConcurrency: number;
    /** Circuit breaking per organisation: failures in a row that open it, and how long it first stays open. */
    circuitFailures: number;
    circuitOpenMs: number;
  };
  worker: { concurrency: number; leaseSeconds: number; relayIntervalMs: number };
  /** Group commit of submissions (submissions/submission-batcher.ts). */
  submissionBatch: { size: number; waitMs: number };
  /** GOV.UK Notify (or a Notify-compatible service at `baseUrl`), when configured; otherwise messages are recorded, not sent. */
  notify?: {
    apiKey: string;
    baseUrl: string;
    emailTemplateId?: string;
    smsTemplateId?: string;
    agencyAlertTemplateId?: string;
  };
  /**
   * Confirming online reports by code (see submissions/delivery-hold.ts). `showCodeOnPage` is true
   * only on an embedded trial install with no Notify key (`npm start` without DATABASE_URL), so a
   * newcomer can walk the journey; in every other configuration the code only ever goes by message.
   */
  confirmation: {
    showCodeOnPage: boolean;
    codesPerRecipientPerDay: number;
    codesPerAddressPerHour: number;
  };
  /** Per agency and life event, the level a notification must reach before it is sent (else a staff check). */
  verificationMinimums: VerificationMinimums;
  /** Staff and agency accounts: the Notify email templates of the guessing alert and of the one-time links. */
  accounts: { signInAlertTemplateId?: string; linkTemplateId?: string };
  /** How people sign in to the consoles: passwords, an OpenID Connect provider, or both. */
  signIn: SignInSettings;
  /** Save and come back later: how long a saved form lasts, and Notify templates for sending its link. */
  savedJourneys: { lifetimeDays: number; emailTemplateId?: string; smsTemplateId?: string };
  /** Where postcodes are looked up: the embedded sample gazetteer, or Ordnance Survey's OS Places API. */
  addressLookup: { provider: 'sample' } | { provider: 'os-places'; apiKey: string; timeoutMs: number };
  /** Target working days to acknowledge and action a notification, per agency and life event. */
  serviceLevels: ServiceLevels;
  /** Requests to chase one report a resident may make per UK day. */
  chaseRequestsPerDay: number;
  /** The helpline and customer centre residents are pointed to, in English and in any other language set. */
  help: HelpSettings;
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

/** Reads keys in PROTECTED_DATA_KEYS's form (as the embedded mode keeps them in DATA_DIR). */
export function parseProtectedDataKeys(text: string): ProtectedDataKey[] {
  const result = protectedDataKeys.safeParse(text);
  if (!result.success)
    throw new ConfigError(
      `Configuration error: protected-data keys ${result.error.issues[0]?.message ?? 'are invalid'}.`,
    );
  return result.data;
}

/** Old names still read, each with the name that replaced it. */
const deprecatedEnvNames: readonly (readonly [old: keyof Env, current: keyof Env])[] = [
  ['DELIVERY_AGENCY_CONCURRENCY', 'DELIVERY_ORGANISATION_CONCURRENCY'],
];

/** A line for each deprecated name set, for the process to warn of at start. */
export function deprecatedEnvWarnings(env: Env): string[] {
  return deprecatedEnvNames.flatMap(([old, current]) =>
    env[old] === undefined
      ? []
      : [`${old} is deprecated: set ${current} instead${env[current] === undefined ? '' : ' (it is set, and wins)'}.`],
  );
}

/** The variable names the portal understands, so deployment files can be checked against them. */
export const knownEnvNames: readonly string[] = Object.keys(envSchema.shape);

/** Completes {@link Env} with a database URL and secrets, as found or made by the caller. */
export function toConfig(
  env: Env,
  found: {
    databaseUrl: string;
    sessionSecret: string;
    protectedDataKeys: ProtectedDataKey[];
    /** Standard output is a terminal (so logs default to readable lines). */
    terminal?: boolean;
  },
): Config {
  return {
    databaseUrl: found.databaseUrl,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    sessionSecret: found.sessionSecret,
    protectedDataKeys: found.protectedDataKeys,
    retention: { answersDays: env.ANSWERS_RETENTION_DAYS },
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (found.terminal ? 'pretty' : 'json'),
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${String(env.PORT)}`,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy:
      env.TRUST_PROXY === 'false'
        ? false
        : env.TRUST_PROXY === 'true'
          ? true
          : /^\d+$/.test(env.TRUST_PROXY)
            ? Number(env.TRUST_PROXY)
            : env.TRUST_PROXY,
    agencies: Object.fromEntries(
      agencyKinds.map((agency) => {
        const file = fileChannelOf(env, agency);
        const alert = emailAlertOf(env, agency);
        return [
          agency,
          {
            ...webhookOf(env[agencyEnvName(agency, 'WEBHOOK_URL')], env[agencyEnvName(agency, 'WEBHOOK_SECRET')]),
            ...(file ? { file } : {}),
            ...(alert ? { alert } : {}),
          },
        ];
      }),
    ) as Config['agencies'],
    agencyPortal: { webhookSecretGraceMs: env.AGENCY_WEBHOOK_SECRET_GRACE_HOURS * 60 * 60 * 1000 },
    delivery: {
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: env.DELIVERY_RETRY_BASE_MS,
      retryMaxMs: env.DELIVERY_RETRY_MAX_MS,
      timeoutMs: env.DELIVERY_TIMEOUT_MS,
      concurrency: env.DELIVERY_CONCURRENCY,
      // The old name still works; the new one wins when both are set.
      organisationConcurrency: env.DELIVERY_ORGANISATION_CONCURRENCY ?? env.DELIVERY_AGENCY_CONCURRENCY ?? 16,
      circuitFailures: env.DELIVERY_CIRCUIT_FAILURES,
      circuitOpenMs: env.DELIVERY_CIRCUIT_OPEN_MS,
    },
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      leaseSeconds: env.WORKER_LEASE_SECONDS,
      relayIntervalMs: env.OUTBOX_RELAY_INTERVAL_MS,
    },
    submissionBatch: { size: env.SUBMISSION_BATCH_SIZE, waitMs: env.SUBMISSION_BATCH_WAIT_MS },
    accounts: {
      ...(env.NOTIFY_SIGN_IN_ALERT_TEMPLATE_ID ? { signInAlertTemplateId: env.NOTIFY_SIGN_IN_ALERT_TEMPLATE_ID } : {}),
      ...(env.NOTIFY_ACCOUNT_LINK_TEMPLATE_ID ? { linkTemplateId: env.NOTIFY_ACCOUNT_LINK_TEMPLATE_ID } : {}),
    },
    signIn: signInSettingsOf(env),
    savedJourneys: {
      lifetimeDays: env.SAVED_FORM_DAYS,
      ...(env.NOTIFY_SAVED_FORM_EMAIL_TEMPLATE_ID ? { emailTemplateId: env.NOTIFY_SAVED_FORM_EMAIL_TEMPLATE_ID } : {}),
      ...(env.NOTIFY_SAVED_FORM_SMS_TEMPLATE_ID ? { smsTemplateId: env.NOTIFY_SAVED_FORM_SMS_TEMPLATE_ID } : {}),
    },
    addressLookup:
      env.ADDRESS_LOOKUP === 'os-places' && env.OS_PLACES_API_KEY
        ? { provider: 'os-places', apiKey: env.OS_PLACES_API_KEY, timeoutMs: env.ADDRESS_LOOKUP_TIMEOUT_MS }
        : { provider: 'sample' },
    serviceLevels: {
      default: { acknowledgeDays: env.TARGET_ACKNOWLEDGE_WORKING_DAYS, actionDays: env.TARGET_ACTION_WORKING_DAYS },
      overrides: env.TARGET_OVERRIDES,
    },
    chaseRequestsPerDay: env.CHASE_REQUESTS_PER_DAY,
    help: helpSettingsOf(env),
    confirmation: {
      showCodeOnPage: env.DATABASE_URL === undefined && env.NOTIFY_API_KEY === undefined,
      codesPerRecipientPerDay: env.CONFIRMATION_CODES_PER_RECIPIENT_PER_DAY,
      codesPerAddressPerHour: env.CONFIRMATION_CODES_PER_ADDRESS_PER_HOUR,
    },
    verificationMinimums: env.VERIFICATION_MINIMUMS,
    ...(env.NOTIFY_API_KEY
      ? {
          notify: {
            apiKey: env.NOTIFY_API_KEY,
            baseUrl: env.NOTIFY_BASE_URL,
            ...(env.NOTIFY_EMAIL_TEMPLATE_ID ? { emailTemplateId: env.NOTIFY_EMAIL_TEMPLATE_ID } : {}),
            ...(env.NOTIFY_SMS_TEMPLATE_ID ? { smsTemplateId: env.NOTIFY_SMS_TEMPLATE_ID } : {}),
            ...(env.NOTIFY_AGENCY_ALERT_TEMPLATE_ID
              ? { agencyAlertTemplateId: env.NOTIFY_AGENCY_ALERT_TEMPLATE_ID }
              : {}),
          },
        }
      : {}),
  };
}

function webhookOf(url: string | undefined, secret: string | undefined): { webhook?: { url: string; secret: string } } {
  return url && secret ? { webhook: { url, secret } } : {};
}
