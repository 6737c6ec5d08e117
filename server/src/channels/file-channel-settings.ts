import { agencyKinds, type AgencyKind } from '@tuo/shared';
import { z } from 'zod';
import { agencyEnvName, perAgency } from './agency-env-names.js';

/** Where and how one agency's scheduled file goes. */
export interface FileChannelSettings {
  sftp: {
    host: string;
    port: number;
    username: string;
    /** The folder files are written to (absolute on the server). */
    directory: string;
    /** Path to the private key the portal signs in with (OpenSSH or PEM format). */
    privateKeyFile: string;
    /** The server's host key fingerprint, `SHA256:…` as `ssh-keygen -lf` prints it: no other server is trusted. */
    hostKeySha256: string;
  };
  format: 'csv' | 'xml';
  /**
   * When the file is made, as a cron line (minute hour day month weekday) in UTC: graphile-worker's
   * cron matches on UTC, so `0 18 * * *` is 18:00 in winter and 19:00 UK summer time.
   */
  schedule: string;
}

const sftpUrl = z
  .url({ protocol: /^sftp$/, error: 'must be an sftp:// address, like sftp://tuo@files.council.example:22/imports' })
  .refine((text) => new URL(text).username !== '', { error: 'must name the user, like sftp://tuo@host/folder' });

const hostKey = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, {
  error: 'must be the server host key fingerprint as ssh-keygen -lf prints it (SHA256:…)',
});

const schedule = z
  .string()
  .regex(/^\S+( \S+){4}$/, { error: 'must be a cron line of five fields, like 0 18 * * 1-5' })
  .optional();

/** The environment variables of the scheduled file channel, for every agency. */
export const fileChannelEnvShape = {
  ...perAgency('FILE_SFTP_URL', sftpUrl.optional()),
  ...perAgency('FILE_SFTP_KEY_FILE', z.string().min(1).optional()),
  ...perAgency('FILE_SFTP_HOST_KEY', hostKey.optional()),
  ...perAgency('FILE_FORMAT', z.enum(['csv', 'xml'], { error: 'must be csv or xml' }).optional()),
  ...perAgency('FILE_SCHEDULE', schedule),
};

type FileChannelEnv = { [K in keyof typeof fileChannelEnvShape]?: string | undefined };

/** Problems with the file channel settings: a channel half set up, or set up beside a webhook. */
export function fileChannelIssues(env: FileChannelEnv & Record<string, unknown>): { path: string; message: string }[] {
  return agencyKinds.flatMap((agency) => {
    const url = agencyEnvName(agency, 'FILE_SFTP_URL');
    const set = env[url] !== undefined;
    const issues = (['FILE_SFTP_KEY_FILE', 'FILE_SFTP_HOST_KEY'] as const)
      .filter((suffix) => set !== (env[agencyEnvName(agency, suffix)] !== undefined))
      .map((suffix) =>
        set
          ? { path: agencyEnvName(agency, suffix), message: `is required when ${url} is set` }
          : { path: url, message: `is required when ${agencyEnvName(agency, suffix)} is set` },
      );
    if (set && env[agencyEnvName(agency, 'WEBHOOK_URL')] !== undefined)
      issues.push({
        path: url,
        message: `cannot be set beside ${agencyEnvName(agency, 'WEBHOOK_URL')}: choose one primary channel`,
      });
    return issues;
  });
}

/** The agency's file channel, if it has one. */
export function fileChannelOf(env: FileChannelEnv, agency: AgencyKind): FileChannelSettings | undefined {
  const url = env[agencyEnvName(agency, 'FILE_SFTP_URL')];
  const privateKeyFile = env[agencyEnvName(agency, 'FILE_SFTP_KEY_FILE')];
  const hostKeySha256 = env[agencyEnvName(agency, 'FILE_SFTP_HOST_KEY')];
  if (!url || !privateKeyFile || !hostKeySha256) return undefined;
  const parsed = new URL(url);
  const format = env[agencyEnvName(agency, 'FILE_FORMAT')];
  return {
    sftp: {
      host: parsed.hostname,
      port: parsed.port === '' ? 22 : Number(parsed.port),
      username: decodeURIComponent(parsed.username),
      directory: decodeURIComponent(parsed.pathname) || '/',
      privateKeyFile,
      hostKeySha256,
    },
    format: format === 'xml' ? 'xml' : 'csv',
    schedule: env[agencyEnvName(agency, 'FILE_SCHEDULE')] ?? '0 18 * * *',
  };
}
