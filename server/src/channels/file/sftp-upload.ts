import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import SftpClient from 'ssh2-sftp-client';

/** Where a file goes and how the portal signs in there. */
export interface SftpTarget {
  host: string;
  port: number;
  username: string;
  /** The folder files are written to (absolute on the server). */
  directory: string;
  /** The server's host key fingerprint, `SHA256:…`: no other server is trusted. */
  hostKeySha256: string;
  /** The private key the portal signs in with (read from its file, or opened from its seal), OpenSSH or PEM. */
  privateKey: () => Promise<Buffer | string>;
}

/** `SHA256:…` of a host key, as `ssh-keygen -lf` prints it. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The organisation's SFTP server could not be reached or refused the file: worth trying again later. */
export class FileUploadError extends Error {
  override name = 'FileUploadError';
}

/**
 * Uploads files, in order, to the organisation's SFTP folder. Each is written beside its final name
 * (`.part`) and then renamed over it (OpenSSH's posix-rename), so the organisation never sees half a
 * file, and uploading the same file again simply replaces it with the same bytes. Only the server
 * whose host key matches the configured fingerprint is trusted.
 */
export async function uploadFiles(
  sftp: SftpTarget,
  files: { name: string; content: Buffer }[],
  timeoutMs: number,
): Promise<void> {
  const client = new SftpClient('tell-us-once');
  try {
    await client.connect({
      host: sftp.host,
      port: sftp.port,
      username: sftp.username,
      privateKey: await sftp.privateKey(),
      hostVerifier: (key: Buffer) => hostKeyFingerprint(key) === sftp.hostKeySha256,
      readyTimeout: timeoutMs,
    });
    for (const file of files) {
      const target = posix.join(sftp.directory, file.name);
      await client.put(file.content, `${target}.part`);
      await client.posixRename(`${target}.part`, target);
    }
  } catch (error) {
    // ssh2's messages name the server and the step, never the file's contents.
    throw new FileUploadError(
      `Could not upload to ${sftp.host}:${String(sftp.port)} (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
