import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new tracking secret: 160 random bits, base64url. Shown once to the resident; only its hash is kept. */
export function newTrackingSecret(): string {
  return randomBytes(20).toString('base64url');
}

/** The stored form of a tracking secret. */
export function hashTrackingSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Compares a presented secret with a stored hash in constant time. */
export function trackingSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashTrackingSecret(secret));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
