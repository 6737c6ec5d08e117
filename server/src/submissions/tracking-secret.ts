import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import {
  normaliseTrackingCode,
  trackingCodeFromRandom,
  trackingCodeLength,
} from '@tuo/shared/identifiers/tracking-code';

/**
 * A new tracking secret: a tracking code of 100 random bits, `7K3MQ-9Q2MX-4HB8C-ZT1RW` (see
 * shared/src/identifiers/tracking-code.ts for why that size and shape). Shown once to the
 * resident; only its hash is kept.
 */
export function newTrackingSecret(): string {
  return trackingCodeFromRandom(Array.from({ length: trackingCodeLength }, () => randomInt(32)));
}

/** The stored form of a tracking secret: the hash of the code as normalised, so any way of typing it matches. */
export function hashTrackingSecret(secret: string): string {
  return createHash('sha256').update(normaliseTrackingCode(secret)).digest('base64url');
}

// Before tracking codes, secrets were 27 base64url characters, hashed as they were; residents
// still hold some, and base64url is case-sensitive, so those are compared exactly.
function hashLegacySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function sameHash(presented: string, stored: string): boolean {
  const [a, b] = [Buffer.from(presented), Buffer.from(stored)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Compares a presented secret with a stored hash in constant time: a tracking code, or a secret issued before them. */
export function trackingSecretMatches(secret: string, storedHash: string): boolean {
  const trimmed = secret.trim();
  // Both comparisons always run, so timing does not tell which kind of secret matched.
  const asCode = sameHash(hashTrackingSecret(trimmed), storedHash);
  const asLegacy = sameHash(hashLegacySecret(trimmed), storedHash);
  return asCode || asLegacy;
}
