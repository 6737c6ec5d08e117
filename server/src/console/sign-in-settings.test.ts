import { describe, expect, it } from 'vitest';
import { parseEnv, toConfig } from '../config.js';
import { mappedStaffRole } from './sign-in-settings.js';

const provider = {
  STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
  STAFF_OIDC_CLIENT_ID: 'client',
  STAFF_OIDC_CLIENT_SECRET: 'secret',
  STAFF_OIDC_ROLE_MAP: 'tuo-advisers=adviser, tuo-admins=admin,11111111-2222=supervisor',
};
const settingsOf = (env: Record<string, string>) =>
  toConfig(parseEnv(env), { databaseUrl: 'postgres://x/y', sessionSecret: 's', protectedDataKeys: [] }).signIn;

describe('sign-in settings', () => {
  it('read the provider, the roles claim (default roles) and the role map', () => {
    expect(settingsOf(provider).staff).toEqual({
      passwords: true,
      oidc: {
        issuer: provider.STAFF_OIDC_ISSUER,
        clientId: 'client',
        clientSecret: 'secret',
        rolesClaim: 'roles',
        roleMap: { 'tuo-advisers': 'adviser', 'tuo-admins': 'admin', '11111111-2222': 'supervisor' },
      },
    });
    expect(settingsOf({ ...provider, STAFF_OIDC_ROLES_CLAIM: 'groups' }).staff.oidc?.rolesClaim).toBe('groups');
    expect(settingsOf({}).staff).toEqual({ passwords: true });
  });

  it('take portal passwords unless AGENCY_PASSWORD_SIGN_IN is off, and refuse another value', () => {
    expect(settingsOf({}).agency).toEqual({ passwords: true });
    expect(settingsOf({ AGENCY_PASSWORD_SIGN_IN: 'off' }).agency).toEqual({ passwords: false });
    expect(() => parseEnv({ AGENCY_PASSWORD_SIGN_IN: 'no' })).toThrow(/AGENCY_PASSWORD_SIGN_IN must be on or off/);
  });

  it('refuse half a provider, a role that is not a staff role, and passwords off with no provider', () => {
    expect(() => parseEnv({ STAFF_OIDC_ISSUER: provider.STAFF_OIDC_ISSUER })).toThrow(
      /STAFF_OIDC_CLIENT_ID is required when STAFF_OIDC_ISSUER is set/,
    );
    expect(() => parseEnv({ ...provider, STAFF_OIDC_ROLE_MAP: 'tuo=agency-admin' })).toThrow(
      /STAFF_OIDC_ROLE_MAP must be value=role pairs/,
    );
    expect(() => parseEnv({ STAFF_PASSWORD_SIGN_IN: 'off' })).toThrow(/STAFF_OIDC_ISSUER is required when/);
    expect(settingsOf({ ...provider, STAFF_PASSWORD_SIGN_IN: 'off' }).staff.passwords).toBe(false);
  });

  it('give the most trusted role any of the person’s values maps to, or none', () => {
    const map = { a: 'adviser', s: 'supervisor', x: 'admin' };
    expect(mappedStaffRole(['a', 'x', 'other'], map)).toBe('admin');
    expect(mappedStaffRole('s', map)).toBe('supervisor');
    expect(mappedStaffRole(['other'], map)).toBeUndefined();
    expect(mappedStaffRole(undefined, map)).toBeUndefined();
  });
});
