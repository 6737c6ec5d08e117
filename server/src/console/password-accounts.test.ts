import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword } from './password-accounts.js';

describe('password hashes', () => {
  it('are argon2id with at least the OWASP minimum cost, salted, and verify', async () => {
    const [first, second] = await Promise.all([
      hashPassword('correct horse battery staple'),
      hashPassword('correct horse battery staple'),
    ]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verify(first, 'correct horse battery staple')).toBe(true);
    expect(await verify(first, 'Correct horse battery staple')).toBe(false);
  });
});
