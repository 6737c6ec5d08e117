import { describe, expect, it } from 'vitest';
import { organisationSignInFormSchema, roleMapText, roleMapTextSchema } from './organisation-sign-in.js';

describe('an organisation’s sign-in settings', () => {
  it('read a role map typed one pair a line or comma-separated, and write it back one a line', () => {
    const map = roleMapTextSchema.parse(' tuo-portal = agency-user\n\nGroup=With=Equals=agency-admin, x=agency-user ');
    expect(map).toEqual({ 'tuo-portal': 'agency-user', 'Group=With=Equals': 'agency-admin', x: 'agency-user' });
    expect(roleMapText({ a: 'agency-user', b: 'agency-admin' })).toBe('a=agency-user\nb=agency-admin');
  });

  it('refuse a pair without a portal role, and an empty map', () => {
    expect(roleMapTextSchema.safeParse('tuo=admin').error?.issues[0]?.message).toBe(
      'Enter each pair as value=role, the role agency-user or agency-admin (not “tuo=admin”)',
    );
    expect(roleMapTextSchema.safeParse('=agency-user').success).toBe(false);
    expect(roleMapTextSchema.safeParse('  ').error?.issues[0]?.message).toBe(
      'Enter at least one value=role pair, like tuo-portal=agency-user',
    );
  });

  it('take the form as posted: a blank secret is left out, passwords on or off', () => {
    const posted = {
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'client',
      clientSecret: ' ',
      rolesClaim: 'roles',
      roleMap: 'tuo=agency-user',
    };
    expect(organisationSignInFormSchema.parse({ ...posted, passwords: 'off' })).toEqual({
      issuer: posted.issuer,
      clientId: 'client',
      rolesClaim: 'roles',
      roleMap: { tuo: 'agency-user' },
      passwords: false,
    });
    const missing = organisationSignInFormSchema.safeParse({ ...posted, issuer: 'ftp://x', passwords: undefined });
    expect(missing.error?.issues.map((issue) => issue.path[0])).toEqual(['issuer', 'passwords']);
  });
});
