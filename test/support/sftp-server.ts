import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';

const run = promisify(execFile);

/** Debian's OpenSSH server (`apt-get install openssh-server`; `.ci/run` installs it when missing). */
export const sshdPath = process.env.SSHD_PATH ?? '/usr/sbin/sshd';

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/**
 * A real OpenSSH SFTP server on 127.0.0.1 and a high port, for the file channel's tests: a fresh
 * host key and client key in a temporary folder, key sign-in only for the user running the tests,
 * no PAM, and nothing written outside the folder (so it runs as root or not). `pause` and `resume`
 * stop and continue the server (SIGSTOP/SIGCONT), so a test can hold an upload mid-run.
 * `organisationFolder` and `authorise` set up an organisation's own folder and let its generated
 * key sign in, as the organisation's IT would; `signedInKeys` says which keys did.
 */
export async function startSftpServer() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tuo-sftp-'));
  const inbox = path.join(dir, 'inbox');
  await mkdir(inbox);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tuo-test-host', '-f', path.join(dir, 'host_key')]);
  await run('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    '',
    '-C',
    'tuo-test-client',
    '-f',
    path.join(dir, 'client_key'),
  ]);
  await copyFile(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_key.pub')]);
  const hostKey = /SHA256:\S+/.exec(stdout)?.[0] ?? '';
  const port = await findFreePort();
  await writeFile(
    path.join(dir, 'sshd_config'),
    [
      `Port ${String(port)}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The temporary folder's permissions are the test's, not a home directory's.
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'Subsystem sftp internal-sftp',
      // VERBOSE logs the fingerprint of each key that signs in (`signedInKeys`).
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  // As root, OpenSSH wants its privilege separation folder (Debian's package makes it at boot).
  if (process.getuid?.() === 0) await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const child: ChildProcess = spawn(sshdPath, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`sshd did not start: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const user = os.userInfo().username;
  const address = (folder: string) => `sftp://${user}@127.0.0.1:${String(port)}${folder}`;
  const listing = async (folder: string) => (await readdir(folder)).sort();
  return {
    /** The inbox folder's address and the server's host key, for an organisation's own file settings. */
    url: address(inbox),
    hostKey,
    /** Settings for one agency's file channel, pointing at this server's inbox folder. */
    env: (envId: string, format: 'csv' | 'xml' = 'csv'): Record<string, string> => ({
      [`AGENCY_${envId}_FILE_SFTP_URL`]: address(inbox),
      [`AGENCY_${envId}_FILE_SFTP_KEY_FILE`]: path.join(dir, 'client_key'),
      [`AGENCY_${envId}_FILE_SFTP_HOST_KEY`]: hostKey,
      [`AGENCY_${envId}_FILE_FORMAT`]: format,
    }),
    /** The names of the files in the inbox folder, sorted. */
    files: () => listing(inbox),
    read: (name: string) => readFile(path.join(inbox, name)),
    /**
     * A folder of one organisation's own (`name` a plain word), with the file settings an admin
     * types for it (its address and this server's host key) and what has been uploaded there.
     */
    organisationFolder: async (name: string) => {
      const folder = path.join(dir, 'organisations', name);
      await mkdir(folder, { recursive: true });
      return {
        settings: (format: 'csv' | 'xml', schedule: string) => ({ url: address(folder), hostKey, format, schedule }),
        files: () => listing(folder),
        read: (file: string) => readFile(path.join(folder, file)),
      };
    },
    /** Lets a public key (`ssh-ed25519 …`, as an organisation's page shows it) sign in; sshd reads the file per sign-in. */
    authorise: (publicKey: string) => appendFile(path.join(dir, 'authorized_keys'), `${publicKey.trim()}\n`),
    /** The `SHA256:…` fingerprints of the keys that have signed in so far, in order (from sshd's log). */
    signedInKeys: () =>
      [...errors.matchAll(/Accepted publickey for \S+ from \S+ port \d+ ssh2: \S+ (SHA256:\S+)/g)].map(
        (match) => match[1] ?? '',
      ),
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: async () => {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A started SFTP server. */
export type SftpServer = Awaited<ReturnType<typeof startSftpServer>>;
