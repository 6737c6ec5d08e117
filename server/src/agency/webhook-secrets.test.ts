import { hkdfSync, createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, openWebhookSecret, sealWebhookSecret } from './webhook-secrets.js';

const sessionSecret = 'a-session-secret-of-at-least-thirty-two-characters';

/** How a secret was sealed before the kind ids: under the agency's old id. */
function sealedBeforeRename(oldId: string, secret: string): string {
  const key = Buffer.from(
    hkdfSync('sha256', sessionSecret, `agency:${oldId}`, 'tell-us-once agency webhook secret', 32),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
    '.',
  );
}

describe('webhook secrets', () => {
  it('open what they sealed, for that kind only', () => {
    const secret = generateWebhookSecret();
    const sealed = sealWebhookSecret(sessionSecret, 'gp-practice', secret);
    expect(openWebhookSecret(sessionSecret, 'gp-practice', sealed)).toBe(secret);
    expect(openWebhookSecret(sessionSecret, 'council', sealed)).toBeUndefined();
    expect(openWebhookSecret('another-session-secret-of-thirty-two-chars', 'gp-practice', sealed)).toBeUndefined();
  });

  it('still open secrets rotated before the agencies were renamed to kinds (nhs, housing)', () => {
    const secret = generateWebhookSecret();
    expect(openWebhookSecret(sessionSecret, 'gp-practice', sealedBeforeRename('nhs', secret))).toBe(secret);
    expect(openWebhookSecret(sessionSecret, 'housing-provider', sealedBeforeRename('housing', secret))).toBe(secret);
    expect(openWebhookSecret(sessionSecret, 'council', sealedBeforeRename('council', secret))).toBe(secret);
  });
});
