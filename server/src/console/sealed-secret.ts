import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// A secret kept at rest (an authenticator app's TOTP key) is sealed with AES-256-GCM under a key
// derived from the session secret and what it belongs to, so a copy of the database alone opens
// nothing, and a secret sealed for one account cannot be passed off as another's.

function sealingKey(sealingSecret: string, purpose: string, owner: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sealingSecret, `${purpose}:${owner}`, 'tell-us-once sealed secret', 32));
}

/** Seals a secret for `owner` (an account id) and `purpose` (say `totp`). */
export function sealSecret(sealingSecret: string, purpose: string, owner: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(sealingSecret, purpose, owner), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
    '.',
  );
}

/** Opens a sealed secret; undefined if it was sealed under another key, for another owner, or altered. */
export function openSecret(sealingSecret: string, purpose: string, owner: string, sealed: string): string | undefined {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) return undefined;
  try {
    const key = sealingKey(sealingSecret, purpose, owner);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
