import { staffRoles } from '@tuo/shared/api/staff-session';
import { z } from 'zod';

// The consoles' sign-in settings: the staff console's OpenID Connect provider, and whether each
// console still takes passwords (the agency portal's providers are per organisation, kept in the
// database). Part of the one environment schema in config.ts.

/** A provider's claim values mapped to roles: `tuo-advisers=adviser,tuo-admins=admin`. */
export type RoleMap = Readonly<Record<string, string>>;

/** An OpenID Connect provider and how its claims give roles. */
export interface OidcProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim holding the person's groups or roles (a string or a list of strings). */
  rolesClaim: string;
  roleMap: RoleMap;
}

/** How people sign in to each console. */
export interface SignInSettings {
  staff: { passwords: boolean; oidc?: OidcProviderSettings };
  /** Passwords off here turns them off for every organisation, whatever its own setting. */
  agency: { passwords: boolean };
}

/** Parses `value=role,value=role` into a map, refusing a role outside `roles`. */
export function roleMapSchema(roles: readonly string[]) {
  return z.string().transform((text, ctx): RoleMap => {
    const map: Record<string, string> = {};
    for (const pair of text.split(',').map((item) => item.trim())) {
      if (pair === '') continue;
      const at = pair.lastIndexOf('=');
      const value = pair.slice(0, at).trim();
      const role = pair.slice(at + 1).trim();
      if (at < 1 || !roles.includes(role)) {
        ctx.addIssue({ code: 'custom', message: `must be value=role pairs, each role one of ${roles.join(', ')}` });
        return z.NEVER;
      }
      map[value] = role;
    }
    return map;
  });
}

const onOff = z.enum(['on', 'off'], { error: 'must be on or off' });

/** The sign-in variables, spread into the environment schema. */
export const signInEnvShape = {
  STAFF_PASSWORD_SIGN_IN: onOff.default('on'),
  AGENCY_PASSWORD_SIGN_IN: onOff.default('on'),
  STAFF_OIDC_ISSUER: z
    .url({ error: 'must be the provider’s issuer URL, like https://login.microsoftonline.com/…/v2.0' })
    .optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  STAFF_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  STAFF_OIDC_ROLE_MAP: roleMapSchema(staffRoles).optional(),
};

type SignInEnv = z.infer<z.ZodObject<typeof signInEnvShape>>;

/** What is wrong with the sign-in settings as a whole (each alone is already checked). */
export function signInEnvIssues(env: SignInEnv): { path: string; message: string }[] {
  const oidcNames = [
    'STAFF_OIDC_ISSUER',
    'STAFF_OIDC_CLIENT_ID',
    'STAFF_OIDC_CLIENT_SECRET',
    'STAFF_OIDC_ROLE_MAP',
  ] as const;
  const set = oidcNames.filter((name) => env[name] !== undefined);
  const issues = set.length > 0 ? oidcNames.filter((name) => env[name] === undefined) : [];
  const found = issues.map((name) => ({ path: name, message: `is required when ${set[0] ?? ''} is set` }));
  if (env.STAFF_PASSWORD_SIGN_IN === 'off' && set.length === 0)
    found.push({
      path: 'STAFF_OIDC_ISSUER',
      message: 'is required when STAFF_PASSWORD_SIGN_IN is off (else nobody can sign in)',
    });
  return found;
}

/** The typed settings. */
export function signInSettingsOf(env: SignInEnv): SignInSettings {
  const { STAFF_OIDC_ISSUER: issuer, STAFF_OIDC_CLIENT_ID: clientId, STAFF_OIDC_CLIENT_SECRET: clientSecret } = env;
  return {
    staff: {
      passwords: env.STAFF_PASSWORD_SIGN_IN === 'on',
      ...(issuer && clientId && clientSecret && env.STAFF_OIDC_ROLE_MAP
        ? {
            oidc: {
              issuer,
              clientId,
              clientSecret,
              rolesClaim: env.STAFF_OIDC_ROLES_CLAIM,
              roleMap: env.STAFF_OIDC_ROLE_MAP,
            },
          }
        : {}),
    },
    agency: { passwords: env.AGENCY_PASSWORD_SIGN_IN === 'on' },
  };
}

/** The role a person's claim values give them: the most trusted one mapped, or none. */
export function mappedRole<R extends string>(claim: unknown, map: RoleMap, roles: readonly R[]): R | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  const given = values.filter((value): value is string => typeof value === 'string').map((value) => map[value]);
  return [...roles].reverse().find((role) => given.includes(role));
}

/** The staff role a person's claim values give them. */
export const mappedStaffRole = (claim: unknown, map: RoleMap) => mappedRole(claim, map, staffRoles);
