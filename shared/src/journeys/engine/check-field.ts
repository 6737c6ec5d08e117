import type { z } from 'zod';
import { datePartsToIsoDate, checkIsoDate } from '../../identifiers/date-parts.js';
import type { DateCheckResult } from '../../identifiers/date-parts.js';
import { emailSchema } from '../../identifiers/email.js';
import { nhsNumberSchema } from '../../identifiers/nhs-number-schema.js';
import { niNumberSchema } from '../../identifiers/ni-number-schema.js';
import { createPersonNameSchema } from '../../identifiers/person-name.js';
import { phoneNumberSchema } from '../../identifiers/phone-number-schema.js';
import { postcodeSchema } from '../../identifiers/postcode-schema.js';
import type { FieldDefinition } from '../definition/field-definition-schema.js';
import type { AddressAnswer, AnswerValue, EngineOptions } from './answers.js';
import { dontKnowOrganisation, errorName, maxTextareaLength, maxTextLength } from './field-basics.js';
import { checkPeople } from './people-field.js';

/**
 * `'form'` is what an HTML form posts (dates as day, month and year strings, one checkbox as a
 * string); `'answer'` is the normalised form kept in answers (ISO dates, arrays of values).
 */
export type InputMode = 'form' | 'answer';

/** A problem with one field; `path` is below the field name (e.g. `['line1']` for an address). */
export interface FieldIssue {
  readonly path: readonly string[];
  readonly message: string;
  readonly params?: Record<string, unknown>;
}

/** The normalised value of a field (undefined when left empty and allowed to be), or its issues. */
export interface FieldCheck {
  readonly value: AnswerValue | undefined;
  readonly issues: readonly FieldIssue[];
}

const yesNoValues = ['yes', 'no'];

/** An organisation's id in the directory (a UUID); whether it exists is the server's to check. */
const organisationIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The message shown when a required field is left empty. */
export function requiredMessage(field: FieldDefinition): string {
  if (field.requiredMessage) return field.requiredMessage;
  const name = lowerFirst(errorName(field));
  if (field.kind === 'yes-no') return 'Select yes or no';
  return field.kind === 'radios' || field.kind === 'checkboxes' || field.kind === 'organisation'
    ? `Select ${name}`
    : `Enter ${name}`;
}

function isBlank(raw: unknown, mode: InputMode, field: FieldDefinition): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === 'object' && (field.kind === 'address' || (field.kind === 'date' && mode === 'form'))) {
    return Object.values(raw).every((part) => part === undefined || (typeof part === 'string' && part.trim() === ''));
  }
  return false;
}

const ok = (value: AnswerValue): FieldCheck => ({ value, issues: [] });
const fail = (message: string, path: readonly string[] = [], params?: Record<string, unknown>): FieldCheck => ({
  value: undefined,
  issues: [params ? { path, message, params } : { path, message }],
});

function fromSchema(schema: z.ZodType<string, string>, raw: string): FieldCheck {
  const result = schema.safeParse(raw);
  return result.success ? ok(result.data) : fail(result.error.issues[0]?.message ?? 'Enter a valid answer');
}

function fromDate(result: DateCheckResult): FieldCheck {
  return result.success ? ok(result.date) : fail(result.message, [], { parts: result.parts });
}

// Invisible control characters (other than tab and new line) come from copy and paste, mean nothing
// to a reader, and Postgres cannot store U+0000 in JSON: they are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function text(raw: string, max: number, field: FieldDefinition): FieldCheck {
  const value = raw.replace(controlCharacters, '').trim();
  return value.length > max ? fail(`${errorName(field)} must be ${max} characters or fewer`) : ok(value);
}

function choices(raw: unknown, field: FieldDefinition): FieldCheck {
  const options = field.options ?? [];
  const picked = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(picked) || !picked.every((value) => options.some((option) => option.value === value)))
    return fail(requiredMessage(field));
  // Keep the definition's order and drop repeats, so equal answers compare equal.
  const values = options.filter((option) => picked.includes(option.value));
  const exclusive = values.find((option) => option.exclusive);
  if (exclusive && values.length > 1)
    return fail(`Select ${lowerFirst(errorName(field))}, or select '${exclusive.label}'`);
  return ok(values.map((option) => option.value));
}

function address(raw: unknown): FieldCheck {
  if (typeof raw !== 'object' || raw === null)
    return fail('Enter address line 1, typically the building and street', ['line1']);
  const part = (key: string): string => {
    const value: unknown = (raw as Record<string, unknown>)[key];
    return typeof value === 'string' ? value.replace(controlCharacters, '').replace(/\s+/g, ' ').trim() : '';
  };
  const issues: FieldIssue[] = [];
  const [line1, line2, town, postcode, uprn] = [
    part('line1'),
    part('line2'),
    part('town'),
    part('postcode'),
    part('uprn'),
  ];
  if (line1 === '')
    issues.push({ path: ['line1'], message: 'Enter address line 1, typically the building and street' });
  else if (line1.length > maxTextLength)
    issues.push({ path: ['line1'], message: `Address line 1 must be ${maxTextLength} characters or fewer` });
  if (line2.length > maxTextLength)
    issues.push({ path: ['line2'], message: `Address line 2 must be ${maxTextLength} characters or fewer` });
  if (town === '') issues.push({ path: ['town'], message: 'Enter town or city' });
  else if (town.length > maxTextLength)
    issues.push({ path: ['town'], message: `Town or city must be ${maxTextLength} characters or fewer` });
  const postcodeResult = postcodeSchema.safeParse(postcode);
  if (postcode === '') issues.push({ path: ['postcode'], message: 'Enter postcode' });
  else if (!postcodeResult.success)
    issues.push({ path: ['postcode'], message: postcodeResult.error.issues[0]?.message ?? 'Enter postcode' });
  if (uprn !== '' && !/^\d{1,12}$/.test(uprn)) issues.push({ path: ['uprn'], message: 'Select the address again' });
  if (issues.length > 0 || !postcodeResult.success) return { value: undefined, issues };
  const value: AddressAnswer = { line1, town, postcode: postcodeResult.data };
  if (line2 !== '') value.line2 = line2;
  if (uprn !== '') value.uprn = uprn;
  return ok(value);
}

function date(field: FieldDefinition, raw: unknown, mode: InputMode, options: EngineOptions): FieldCheck {
  const dateOptions = {
    label: errorName(field),
    rule: field.dateRule ?? 'past',
    requiredMessage: requiredMessage(field),
    today: options.today,
  };
  if (mode === 'form' && typeof raw === 'object' && raw !== null) return fromDate(datePartsToIsoDate(raw, dateOptions));
  if (mode === 'answer' && typeof raw === 'string') return fromDate(checkIsoDate(raw, dateOptions));
  return fail(`${errorName(field)} must be a real date`);
}

function oneLine(field: FieldDefinition, raw: string): FieldCheck {
  switch (field.kind) {
    case 'textarea':
      return text(raw, maxTextareaLength, field);
    case 'name':
      return fromSchema(createPersonNameSchema(errorName(field)), raw);
    case 'radios':
      return (field.options ?? []).some((option) => option.value === raw) ? ok(raw) : fail(requiredMessage(field));
    case 'yes-no':
      return yesNoValues.includes(raw) ? ok(raw) : fail(requiredMessage(field));
    case 'nhs-number':
      return fromSchema(nhsNumberSchema, raw);
    case 'ni-number':
      return fromSchema(niNumberSchema, raw);
    case 'postcode':
      return fromSchema(postcodeSchema, raw);
    case 'email':
      return fromSchema(emailSchema, raw);
    case 'phone':
      return fromSchema(phoneNumberSchema, raw);
    case 'organisation':
      return raw === dontKnowOrganisation || organisationIdPattern.test(raw) ? ok(raw) : fail(requiredMessage(field));
    default:
      return text(raw, maxTextLength, field);
  }
}

function present(field: FieldDefinition, raw: unknown, mode: InputMode, options: EngineOptions): FieldCheck {
  if (field.kind === 'checkboxes') return choices(mode === 'form' || Array.isArray(raw) ? raw : undefined, field);
  if (field.kind === 'address') return address(raw);
  if (field.kind === 'date') return date(field, raw, mode, options);
  return typeof raw === 'string' ? oneLine(field, raw) : fail(requiredMessage(field));
}

/**
 * Validates and normalises one field's raw value. An empty value is fine for an optional field
 * and gets the required message otherwise; address issues name the part (`['postcode']`), a
 * people field's the row and part (`['1', 'fullName']`).
 */
export function checkField(
  field: FieldDefinition,
  raw: unknown,
  mode: InputMode,
  options: EngineOptions = {},
): FieldCheck {
  // A list of people checks each row on its own: its messages name the row.
  if (field.kind === 'people') return checkPeople(field, raw, mode, options, checkField);
  if (!isBlank(raw, mode, field)) return present(field, raw, mode, options);
  if (field.optional) return { value: undefined, issues: [] };
  // An empty address gets one message per missing part, as the GOV.UK address pattern shows them.
  return field.kind === 'address' ? address({}) : fail(requiredMessage(field));
}
