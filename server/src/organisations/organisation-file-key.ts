import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from '../console/sealed-secret.js';

// The portal signs in to an organisation's SFTP server with a key pair it makes for that
// organisation: the council's IT adds the public key to the SFTP account (as they would for any
// supplier), and the private key never leaves the portal, nor is typed into a browser or copied
// onto the portal's disk by hand. It is sealed like a webhook secret (under SESSION_SECRET and the
// organisation's id), so a copy of the database signs in nowhere.
const purpose = 'organisation-sftp-key';

const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};
const sshString = (value: Buffer | string) => {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([u32(bytes.length), bytes]);
};

/** A new Ed25519 key pair in OpenSSH's formats: the private key file's text and the `ssh-ed25519 …` line. */
export function makeSftpKeyPair(comment: string): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  // PROTOCOL.key: an unencrypted "openssh-key-v1" file holding one key, padded to the cipher block (8).
  const check = randomBytes(4);
  let secret = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (secret.length % 8)) % 8 }, (_, i) => i + 1));
  secret = Buffer.concat([secret, padding]);
  const file = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'binary'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    u32(1),
    sshString(publicBlob),
    sshString(secret),
  ]);
  const lines = file.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: `ssh-ed25519 ${publicBlob.toString('base64')} ${comment}`,
  };
}

/** Seals an organisation's SFTP private key for storage. */
export const sealOrganisationFileKey = (sealingSecret: string, organisationId: string, privateKey: string) =>
  sealSecret(sealingSecret, purpose, organisationId, privateKey);

/** Opens an organisation's sealed SFTP private key; undefined if sealed under another key or altered. */
export const openOrganisationFileKey = (sealingSecret: string, organisationId: string, sealed: string) =>
  openSecret(sealingSecret, purpose, organisationId, sealed);
