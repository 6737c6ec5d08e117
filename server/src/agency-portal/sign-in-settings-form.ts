import { toFieldErrors } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import {
  organisationSignInFormSchema,
  roleMapText,
  type OrganisationSignIn,
} from '@tuo/shared/api/organisation-sign-in';
import type { FormValues, PostedForm } from '@tuo/shared/pages/form-values';
import type { Actor } from '../audit/audit-log.js';
import { text } from '../console/posted-fields.js';
import { ValidationError } from '../errors.js';
import { saveSignInSettings, type SignInSettingsContext } from './organisation-sign-in-settings.js';

const fields = ['issuer', 'clientId', 'clientSecret', 'rolesClaim', 'roleMap', 'passwords'] as const;

/** The form's values from the saved settings (never the secret), or a new provider's defaults. */
export function signInSettingsValues(settings: OrganisationSignIn): FormValues {
  const { provider } = settings;
  if (!provider) return { rolesClaim: 'roles', passwords: 'on' };
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    rolesClaim: provider.rolesClaim,
    roleMap: roleMapText(provider.roleMap),
    passwords: provider.passwords ? 'on' : 'off',
  };
}

/**
 * Saves the settings page's posted form; returns the field errors to show (in page order), none
 * when saved. The checks are the API's: the same schema, then the issuer's discovery document.
 */
export async function submitSignInSettingsForm(
  context: SignInSettingsContext,
  organisationId: string,
  body: PostedForm,
  actor: Actor & { id: string },
): Promise<FieldError[]> {
  const posted = Object.fromEntries(fields.map((name) => [name, text(body, name)]));
  const parsed = organisationSignInFormSchema.safeParse({
    ...posted,
    passwords: posted.passwords === '' ? undefined : posted.passwords,
  });
  if (!parsed.success) return toFieldErrors(parsed.error.issues);
  try {
    await saveSignInSettings(context, organisationId, parsed.data, actor);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError) || !error.fieldErrors) throw error;
    return error.fieldErrors.map((found) => ({ field: found.path, message: found.message }));
  }
}
