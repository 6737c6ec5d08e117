import { z } from 'zod';

/**
 * How an organisation is told of a notification, its primary channel: a delivery succeeds when
 * this accepts it. `webhook`: pushed to its system, signed (a 2xx answer). `pull-api` and
 * `agency-portal`: it waits in the organisation's inbox, for its system to pull or its staff to
 * read. `file`: it goes in the organisation's next scheduled file, uploaded over SFTP.
 */
export const primaryChannels = ['webhook', 'pull-api', 'agency-portal', 'file'] as const;

/** An organisation's primary channel. */
export type PrimaryChannel = (typeof primaryChannels)[number];

/** How often an email alert is sent: within a minute of new notifications, or a digest at 08:00 UTC. */
export const alertFrequencies = ['immediate', 'daily'] as const;

/** One of {@link alertFrequencies}. */
export type AlertFrequency = (typeof alertFrequencies)[number];

/** The forms of a scheduled file: CSV, or an XML form of the same records. */
export const fileFormats = ['csv', 'xml'] as const;

/** One of {@link fileFormats}. */
export type FileFormat = (typeof fileFormats)[number];

/** The parts of an SFTP address, `sftp://user@host:port/folder`. */
export interface SftpAddress {
  username: string;
  host: string;
  port: number;
  /** The folder files are written to, absolute on the server. */
  directory: string;
}

/** An `sftp://user@host[:port]/folder` address in its parts, or undefined when it is not one. */
export function parseSftpAddress(text: string): SftpAddress | undefined {
  // Read by pattern: shared/ runs where `URL` may not be typed (no DOM or Node library).
  const match = /^sftp:\/\/([^@/?#\s:]+)@(\[[0-9a-f:.]+\]|[^/:?#@\s[\]]+)(?::(\d{1,5}))?(\/[^?#\s]*)?$/i.exec(text);
  if (!match) return undefined;
  const [, username = '', host = '', port, directory] = match;
  const portNumber = port === undefined ? 22 : Number(port);
  if (portNumber < 1 || portNumber > 65535) return undefined;
  try {
    return {
      username: decodeURIComponent(username),
      host,
      port: portNumber,
      directory: directory ? decodeURIComponent(directory) : '/',
    };
  } catch {
    return undefined;
  }
}

/**
 * An organisation's scheduled file: the SFTP folder it is uploaded to, the fingerprint of the
 * server's host key (no other server is trusted), CSV or XML, and when it is made (a cron line,
 * UTC). The portal signs in with a key pair it makes for the organisation (`newKey` makes another,
 * replacing it); the organisation's IT adds the public key, shown on its page, to the SFTP account.
 */
export const organisationFileChannelSchema = z.strictObject({
  url: z
    .string({ error: 'Enter the SFTP address' })
    .trim()
    .refine((text) => parseSftpAddress(text) !== undefined, {
      error: 'Enter the SFTP address with its user and folder, like sftp://tuo@files.council.example:22/imports',
    }),
  hostKey: z
    .string({ error: 'Enter the SFTP server’s host key fingerprint' })
    .trim()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, {
      error: 'Enter the host key fingerprint as ssh-keygen -lf prints it, starting SHA256:',
    }),
  format: z.enum(fileFormats, { error: 'Choose CSV or XML' }),
  schedule: z
    .string({ error: 'Enter when the file is made, as a cron line' })
    .trim()
    .regex(/^\S+( \S+){4}$/, { error: 'Enter when the file is made as a cron line of five fields, like 0 18 * * 1-5' }),
  newKey: z.boolean().optional(),
});

/** An organisation's email alert: its team mailbox (never a resident's), told how many new notifications wait. */
export const organisationAlertSchema = z.strictObject({
  email: z.email({ error: 'Enter the team mailbox as an email address, like benefits.team@council.example' }),
  frequency: z.enum(alertFrequencies, { error: 'Choose at once or a daily digest' }),
});

/** An organisation's scheduled file as admins see it: its settings and the public key to authorise (never the private one). */
export const shownFileChannelSchema = z.object({
  url: z.string(),
  hostKey: z.string(),
  format: z.enum(fileFormats),
  schedule: z.string(),
  /** The portal's public key for this organisation, in OpenSSH's one-line form, for its SFTP account's authorized_keys. */
  publicKey: z.string(),
});

/** The primary channel a set of settings comes to: the one chosen, else its webhook or file if it has one. */
export function chosenChannel(settings: {
  primaryChannel?: PrimaryChannel | undefined;
  webhook?: unknown;
  file?: unknown;
}): PrimaryChannel | undefined {
  return settings.primaryChannel ?? (settings.webhook ? 'webhook' : settings.file ? 'file' : undefined);
}

/** The problems of a primary channel without its settings, or settings of a channel not chosen. */
export function channelIssues(settings: {
  primaryChannel?: PrimaryChannel | undefined;
  webhook?: unknown;
  file?: unknown;
}): { path: string[]; message: string }[] {
  const { primaryChannel, webhook, file } = settings;
  const issues: { path: string[]; message: string }[] = [];
  if (primaryChannel === undefined && webhook && file)
    issues.push({ path: ['primaryChannel'], message: 'Choose whether it is told by webhook or by scheduled file' });
  if (primaryChannel === 'webhook' && !webhook)
    issues.push({ path: ['webhook', 'url'], message: 'Enter the webhook address, or choose another way to tell it' });
  if (primaryChannel === 'file' && !file)
    issues.push({ path: ['file', 'url'], message: 'Enter the SFTP address, or choose another way to tell it' });
  if (primaryChannel !== undefined && primaryChannel !== 'webhook' && webhook)
    issues.push({ path: ['webhook', 'url'], message: 'Leave the webhook out unless it is told by webhook' });
  if (primaryChannel !== undefined && primaryChannel !== 'file' && file)
    issues.push({ path: ['file', 'url'], message: 'Leave the scheduled file out unless it is told by scheduled file' });
  return issues;
}
