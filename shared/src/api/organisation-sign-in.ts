import { z } from 'zod';
import { agencyRoles } from './agency-portal.js';

/**
 * Claim values mapped to portal roles as an admin types them: `value=role` pairs, one a line or
 * comma-separated (`tuo-portal=agency-user, tuo-portal-admins=agency-admin`). Blank lines are skipped.
 */
export const roleMapTextSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter at least one value=role pair, like tuo-portal=agency-user' })
  .transform((text, ctx) => {
    const map: Record<string, (typeof agencyRoles)[number]> = {};
    for (const pair of text.split(/[,\n]/).map((item) => item.trim())) {
      if (pair === '') continue;
      const at = pair.lastIndexOf('=');
      const role = pair.slice(at + 1).trim();
      const known = agencyRoles.find((r) => r === role);
      if (at < 1 || !known) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter each pair as value=role, the role agency-user or agency-admin (not “${pair}”)`,
        });
        return z.NEVER;
      }
      map[pair.slice(0, at).trim()] = known;
    }
    return map;
  });

/** The pairs of a role map as an admin types them back into the form. */
export function roleMapText(map: Readonly<Record<string, string>>): string {
  return Object.entries(map)
    .map(([value, role]) => `${value}=${role}`)
    .join('\n');
}

/**
 * `PUT …/single-sign-on`: an organisation's OpenID Connect provider for the agency portal. The
 * client secret may be left out when changing the other settings (the sealed one is kept).
 */
export const organisationSignInRequestSchema = z.strictObject({
  issuer: z.url({
    protocol: /^https?$/,
    error: 'Enter the provider’s issuer URL, like https://login.microsoftonline.com/…/v2.0',
  }),
  clientId: z.string().trim().min(1, { error: 'Enter the client (application) ID' }),
  clientSecret: z.string().trim().min(1, { error: 'Enter the client secret' }).optional(),
  rolesClaim: z.string().trim().min(1, { error: 'Enter the claim that carries roles or groups, like roles' }),
  roleMap: z.record(z.string().min(1), z.enum(agencyRoles)).refine((map) => Object.keys(map).length > 0, {
    error: 'Map at least one value to a role',
  }),
  /** Whether the organisation's people may still sign in with a password. */
  passwords: z.boolean(),
});

/** An organisation's provider settings as saved. */
export type OrganisationSignInRequest = z.infer<typeof organisationSignInRequestSchema>;

/** An organisation's provider settings as an admin sees them: never the client secret, only that one is kept. */
export const organisationSignInSchema = z.strictObject({
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** Null until a provider is set up (the organisation signs in with passwords only). */
  provider: organisationSignInRequestSchema.omit({ clientSecret: true }).extend({ updatedAt: z.string() }).nullable(),
  /** Whether the whole install takes portal passwords (`AGENCY_PASSWORD_SIGN_IN`). */
  installPasswords: z.boolean(),
  /** Where the provider must send people back: give it to the provider as the redirect URI. */
  redirectUri: z.string(),
});

/** `GET …/single-sign-on`. */
export type OrganisationSignIn = z.infer<typeof organisationSignInSchema>;

/**
 * The settings page's form, as posted: the role map as typed pairs, passwords as `on` or `off`, a
 * blank client secret left out. Parses to an {@link OrganisationSignInRequest}.
 */
export const organisationSignInFormSchema = organisationSignInRequestSchema.extend({
  clientSecret: z
    .string()
    .trim()
    .transform((secret) => (secret === '' ? undefined : secret)),
  roleMap: roleMapTextSchema,
  passwords: z
    .enum(['on', 'off'], { error: 'Select whether your organisation’s people can still sign in with a password' })
    .transform((value) => value === 'on'),
});
