import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Idempotency records keep the first response so a repeat gets the same answer. That response holds
 * the tracking secret, so it is sealed with AES-256-GCM under a key derived from the client's
 * Idempotency-Key, and the record is found by a hash of that key: only the client that made the
 * request can open it, and a copy of the database reveals nothing.
 */
export function idempotencyLookupKey(scope: string, clientKey: string): string {
  return createHash('sha256').update(`${scope}:${clientKey}`).digest('base64url');
}

function sealingKey(scope: string, clientKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientKey, scope, 'tell-us-once idempotency response', 32));
}

/** Seals a response for storage. */
export function sealResponse(scope: string, clientKey: string, response: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(scope, clientKey), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
    '.',
  );
}

/** Opens a sealed response with the client's key; throws if the key or the record is wrong. */
export function openResponse(scope: string, clientKey: string, sealed: string): unknown {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Not a sealed idempotency response');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(scope, clientKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(
    Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8'),
  );
}
