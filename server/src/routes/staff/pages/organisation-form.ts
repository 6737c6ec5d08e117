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
import { channelFields, channelFormValues, postedChannels } from './organisation-channel-form.js';

// The add and change forms post flat fields; the API takes nested settings. Blank means "not set":
// no code, no postcode, and the kind's default target or minimum.

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The posted settings, or the field errors of a target given by half (and of the channels' flat fields). */
function postedSettings(body: PostedForm): { settings: Record<string, unknown>; errors: FieldError[] } {
  const acknowledgeDays = optional(text(body, 'acknowledgeDays'));
  const actionDays = optional(text(body, 'actionDays'));
  const verificationMinimum = optional(text(body, 'verificationMinimum'));
  const channels = postedChannels(body);
  const errors: FieldError[] = [...channels.errors];
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
      ...channels.settings,
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

/**
 * The form's field of a path the API names: `settings.targets.actionDays` is `actionDays`,
 * `settings.file.hostKey` is `fileHostKey`, `areas.2` is `areas`.
 */
export function formFieldOf(path: readonly string[]): string {
  const [first, ...rest] = path;
  if (first !== 'settings') return first ?? 'name';
  const last = rest.at(-1) ?? 'settings';
  return channelFields[rest[0] ?? '']?.[last] ?? last;
}

/** Zod's issues as the form's field errors, after those already `known`: one per field. */
function fieldErrors(issues: readonly z.core.$ZodIssue[], known: FieldError[]): FieldError[] {
  const errors = [...known];
  for (const issue of issues) {
    const field = formFieldOf(issue.path.map(String));
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
    ...channelFormValues(settings),
  };
}
