import type { FieldDefinition } from '../journeys/definition/field-definition-schema.js';
import type { Answers } from '../journeys/engine/answers.js';

/** One field as typed into a form: text, the values ticked, or the parts of a date or an address. */
export type FormValue = string | string[] | Record<string, string>;

/** A form's values keyed by field name, shaped as a page schema takes them. */
export type FormValues = Record<string, FormValue>;

/** What `@fastify/formbody` gives for an HTML form post: repeated names become arrays. */
export type PostedForm = Record<string, string | string[] | undefined>;

/** The boxes of the multi-part field kinds, in the order they appear on the page. */
export const fieldParts: Readonly<Partial<Record<FieldDefinition['kind'], readonly string[]>>> = {
  date: ['day', 'month', 'year'],
  address: ['line1', 'line2', 'town', 'postcode'],
};

/**
 * The HTML `name` (and react-hook-form path) of a field or one of its parts: `dateOfBirth.day`.
 * Dotted, so the browser's form values and zod's issue paths name a box the same way.
 */
export function inputName(field: Pick<FieldDefinition, 'name'>, part?: string): string {
  return part === undefined ? field.name : `${field.name}.${part}`;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Reads a page's fields out of an HTML form post into the shape its page schema takes. Only the
 * definition's own names are read, so nothing else posted (or crafted) reaches the answers.
 */
export function formInput(fields: readonly FieldDefinition[], posted: Readonly<PostedForm>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const parts = fieldParts[field.kind];
    if (parts) {
      const boxes: Record<string, string> = Object.fromEntries(
        parts.map((part) => [part, first(posted[inputName(field, part)])]),
      );
      // An address chosen from a look-up carries its UPRN in a hidden box (the server checks it).
      const uprn = field.kind === 'address' ? first(posted[inputName(field, 'uprn')]) : '';
      values[field.name] = uprn === '' ? boxes : { ...boxes, uprn };
      continue;
    }
    const raw = posted[field.name];
    if (field.kind === 'checkboxes') values[field.name] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    else if (raw !== undefined) values[field.name] = first(raw);
  }
  return values;
}

/** Today's answers shown back in their form: an ISO date as day, month and year; an address by parts. */
export function answersToFormValues(fields: readonly FieldDefinition[], answers: Readonly<Answers>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const answer = Object.hasOwn(answers, field.name) ? answers[field.name] : undefined;
    if (answer === undefined) continue;
    if (field.kind === 'date' && typeof answer === 'string') {
      const [year = '', month = '', day = ''] = answer.split('-');
      values[field.name] = { day: String(Number(day)), month: String(Number(month)), year };
    } else if (typeof answer === 'string' || Array.isArray(answer)) {
      values[field.name] = answer;
    } else {
      values[field.name] = {
        line1: answer.line1,
        line2: answer.line2 ?? '',
        town: answer.town,
        postcode: answer.postcode,
        ...(answer.uprn ? { uprn: answer.uprn } : {}),
      };
    }
  }
  return values;
}
