import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validEmail } from '../testing/identifier-arbitraries.js';
import { emailMessage, emailSchema, exampleEmails, isValidEmail, normaliseEmail } from './email.js';

describe('email address', () => {
  it('accepts the examples and lower-cases only the domain', () => {
    for (const example of exampleEmails) expect(isValidEmail(example)).toBe(true);
    expect(emailSchema.parse('  Jo.Bloggs@Example.COM ')).toBe('Jo.Bloggs@example.com');
  });

  it.each(['name', 'name@', '@example.com', 'name@example', 'name@@example.com', `${'a'.repeat(250)}@example.com`])(
    'rejects %s with the GOV.UK message',
    (input) => {
      expect(emailSchema.safeParse(input).error?.issues[0]?.message).toBe(emailMessage);
    },
  );

  it('normalising is idempotent and keeps valid addresses valid', () => {
    fc.assert(fc.property(fc.string(), (input) => normaliseEmail(normaliseEmail(input)) === normaliseEmail(input)));
    fc.assert(
      fc.property(
        validEmail,
        (email) =>
          isValidEmail(email) &&
          normaliseEmail(email.toUpperCase()) ===
            `${email.split('@')[0]?.toUpperCase() ?? ''}@${email.split('@')[1] ?? ''}`,
      ),
    );
  });

  it('rejects a valid address with its @ removed', () => {
    fc.assert(fc.property(validEmail, (email) => !isValidEmail(email.replace('@', ''))));
  });
});
