import {
  addOrganisationRequestSchema,
  changeOrganisationRequestSchema,
  type AddOrganisationRequest,
  type AdminOrganisation,
  type ChangeOrganisationRequest,
} from '@tuo/shared/api/organisation-admin';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues, PostedForm } from '@tuo/shared/pages/form-values';
import type { z } from 'zod';
import { text } from '../../../console/posted-fields.js';

// The add and change forms post flat fields; the API takes nested settings. Blank means "not set":
// no code, no postcode, and the kind's default target or minimum.

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The posted settings, or the field errors of a target given by half. */
function postedSettings(body: PostedForm): { settings: Record<string, unknown>; errors: FieldError[] } {
  const acknowledgeDays = optional(text(body, 'acknowledgeDays'));
  const actionDays = optional(text(body, 'actionDays'));
  const verificationMinimum = optional(text(body, 'verificationMinimum'));
  const webhookUrl = optional(text(body, 'webhookUrl'));
  const webhookSecret = optional(text(body, 'webhookSecret'));
  const errors: FieldError[] = [];
  if (webhookSecret !== undefined && webhookUrl === undefined)
    errors.push({ field: 'webhookUrl', message: 'Enter the webhook address the signing secret is for' });
  if ((acknowledgeDays === undefined) !== (actionDays === undefined))
    errors.push({
      field: acknowledgeDays === undefined ? 'acknowledgeDays' : 'actionDays',
      message: `Enter the working days to ${acknowledgeDays === undefined ? 'acknowledge' : 'action'}, or leave both targets blank for the default`,
    });
  return {
    settings: {
      ...(acknowledgeDays !== undefined && actionDays !== undefined
        ? { targets: { acknowledgeDays, actionDays } }
        : {}),
      ...(verificationMinimum ? { verificationMinimum } : {}),
      ...(webhookUrl ? { webhook: { url: webhookUrl, ...(webhookSecret ? { secret: webhookSecret } : {}) } } : {}),
    },
    errors,
  };
}

/** The posted directory fields, as the API's request has them (areas typed separated by spaces or commas). */
const postedEntry = (body: PostedForm) => ({
  name: text(body, 'name'),
  code: optional(text(body, 'code')),
  areas: text(body, 'areas')
    .split(/[\s,]+/)
    .filter((area) => area !== ''),
  postcode: optional(text(body, 'postcode')),
  custodianCode: optional(text(body, 'custodianCode')),
});

const webhookFields: Record<string, string> = { url: 'webhookUrl', secret: 'webhookSecret' };

/**
 * A zod issue's path as the form's field: `settings.targets.actionDays` is `actionDays`,
 * `settings.webhook.url` is `webhookUrl`, `areas.2` is `areas`.
 */
function fieldErrors(issues: readonly z.core.$ZodIssue[], known: FieldError[]): FieldError[] {
  const errors = [...known];
  for (const issue of issues) {
    const [first, ...rest] = issue.path.map(String);
    const last = rest.at(-1) ?? 'settings';
    const field =
      first === 'settings' ? (rest[0] === 'webhook' ? (webhookFields[last] ?? last) : last) : (first ?? 'name');
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  return errors;
}

type Parsed<T> = { ok: true; request: T } | { ok: false; errors: FieldError[] };

/** Reads the add form: the kind, the directory fields and the settings. */
export function readAddForm(body: PostedForm): Parsed<AddOrganisationRequest> {
  const { settings, errors } = postedSettings(body);
  const parsed = addOrganisationRequestSchema.safeParse({ kind: text(body, 'kind'), ...postedEntry(body), settings });
  if (parsed.success && errors.length === 0) return { ok: true, request: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error?.issues ?? [], errors) };
}

/** Reads the change form: the directory fields and the settings (never the kind). */
export function readChangeForm(body: PostedForm): Parsed<ChangeOrganisationRequest> {
  const { settings, errors } = postedSettings(body);
  const parsed = changeOrganisationRequestSchema.safeParse({ ...postedEntry(body), settings });
  if (parsed.success && errors.length === 0) return { ok: true, request: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error?.issues ?? [], errors) };
}

/** An organisation as the change form shows it first. */
export function formValuesOf(organisation: AdminOrganisation): FormValues {
  const { settings } = organisation;
  return {
    kind: organisation.kind,
    name: organisation.name,
    code: organisation.code ?? '',
    areas: organisation.areas.join(' '),
    postcode: organisation.postcode ?? '',
    custodianCode: organisation.custodianCode ?? '',
    acknowledgeDays: settings.targets ? String(settings.targets.acknowledgeDays) : '',
    actionDays: settings.targets ? String(settings.targets.actionDays) : '',
    verificationMinimum: settings.verificationMinimum ?? '',
    webhookUrl: settings.webhook?.url ?? '',
  };
}
