import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { openSecret, sealSecret } from './sealed-secret.js';
import { newTotpSecret, totpUri } from './second-factor.js';

/** What the set-up page shows: the QR code, and the same key as text for people who cannot scan it. */
export interface TotpEnrolment {
  secret: string;
  /** The key in groups of four, as it is easiest to type. */
  spacedSecret: string;
  /** An SVG image of the `otpauth://` address, as a data URL. */
  qrDataUrl: string;
}

/**
 * The authenticator app key this session is setting up for the account: made on first use and kept
 * in the session, sealed, until a right code confirms it, so reloading the page shows the same key.
 */
export async function enrolmentFor(
  request: FastifyRequest,
  sealingSecret: string,
  account: { id: string; email: string },
): Promise<TotpEnrolment> {
  const kept = request.session.get('enrolmentSecret');
  let secret = kept ? openSecret(sealingSecret, 'totp-enrolment', account.id, kept) : undefined;
  if (!secret) {
    secret = newTotpSecret();
    request.session.set('enrolmentSecret', sealSecret(sealingSecret, 'totp-enrolment', account.id, secret));
  }
  const svg = await QRCode.toString(totpUri(secret, account.email), { type: 'svg', margin: 2 });
  return {
    secret,
    spacedSecret: secret.replace(/(.{4})/g, '$1 ').trim(),
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}
