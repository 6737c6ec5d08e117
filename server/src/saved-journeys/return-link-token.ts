import { createHash, randomBytes } from 'node:crypto';

/** A new link token: 256 random bits, so a hash of it is all the database needs to keep. */
export function generateReturnLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a link token. */
export function returnLinkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
