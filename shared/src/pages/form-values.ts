import type { FieldDefinition } from '../journeys/definition/field-definition-schema.js';
import { isPeopleAnswer, type Answers, type PersonAnswer } from '../journeys/engine/answers.js';
import { maxPeople } from '../journeys/engine/people-field.js';

/** One person of a people field as typed: their full name and the boxes of their date of birth. */
export interface PersonRowValue {
  fullName: string;
  dateOfBirth: Record<string, string>;
}

/** One field as typed into a form: text, the values ticked, the parts of a date or an address, or people. */
export type FormValue = string | string[] | Record<string, string> | PersonRowValue[];

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

/** The options a checkboxes (or radios) value holds: none for any other kind's value. */
export function choicesIn(value: FormValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The HTML `name` of one part of one person in a people field: `peopleMoving.1.dateOfBirth.day`. */
export function personInputName(fieldName: string, index: number, part: string, datePart?: string): string {
  return [fieldName, String(index), part, ...(datePart === undefined ? [] : [datePart])].join('.');
}

/** The value of the button that adds a blank person to a people field (its name is `_action`). */
export const addPersonAction = 'add-person';

/** The value of the button that removes one person (by their row, from 0) from a people field. */
export function removePersonAction(index: number): string {
  return `remove-${String(index)}`;
}

/** The row a {@link removePersonAction} value removes, or undefined for any other value. */
export function removedRow(action: string | undefined): number | undefined {
  const [, row] = /^remove-(0|[1-9]\d*)$/.exec(action ?? '') ?? [];
  return row === undefined ? undefined : Number(row);
}

/** A blank person, as "Add another person" adds them. */
export function blankPerson(): PersonRowValue {
  return { fullName: '', dateOfBirth: { day: '', month: '', year: '' } };
}

/**
 * The people of a people field as posted, row by row, up to one more than the field takes (so too
 * many is refused, not cut short). Rows are read while they are posted: a form numbers them from 0.
 */
function postedPeople(name: string, posted: Readonly<PostedForm>): PersonRowValue[] {
  const rows: PersonRowValue[] = [];
  const dateParts = fieldParts.date ?? [];
  for (let index = 0; index <= maxPeople; index++) {
    const keys = [
      personInputName(name, index, 'fullName'),
      ...dateParts.map((part) => personInputName(name, index, 'dateOfBirth', part)),
    ];
    if (!keys.some((key) => posted[key] !== undefined)) break;
    rows.push({
      fullName: first(posted[personInputName(name, index, 'fullName')]),
      dateOfBirth: Object.fromEntries(
        dateParts.map((part) => [part, first(posted[personInputName(name, index, 'dateOfBirth', part)])]),
      ),
    });
  }
  return rows;
}

function isoToDateParts(isoDate: string): Record<string, string> {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** People as their rows show them. */
export function peopleToRows(people: readonly PersonAnswer[]): PersonRowValue[] {
  return people.map((person) => ({ fullName: person.fullName, dateOfBirth: isoToDateParts(person.dateOfBirth) }));
}

/**
 * Reads a page's fields out of an HTML form post into the shape its page schema takes. Only the
 * definition's own names are read, so nothing else posted (or crafted) reaches the answers.
 */
export function formInput(fields: readonly FieldDefinition[], posted: Readonly<PostedForm>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'people') {
      values[field.name] = postedPeople(field.name, posted);
      continue;
    }
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
    if (isPeopleAnswer(answer)) {
      values[field.name] = peopleToRows(answer);
    } else if (field.kind === 'date' && typeof answer === 'string') {
      values[field.name] = isoToDateParts(answer);
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
