import type { FieldDefinition } from '../definition/field-definition-schema.js';
import type { EngineOptions, PersonAnswer } from './answers.js';
import type { FieldCheck, FieldIssue, InputMode } from './check-field.js';

/** The most people one `people` field takes: a household moving together, not a list of everyone. */
export const maxPeople = 10;

/** The parts of each person in a `people` field, in the order they are asked. */
export const personParts = ['fullName', 'dateOfBirth'] as const;

/** Stands for the person's number (from 1, as the page shows it) in a row's message templates. */
const numberPlaceholder = '{{number}}';

/**
 * The questions asked about each person. Their messages name the row ("Enter the full name of
 * person 2"): the templates hold `{{number}}`, which is what translators see (errors namespace).
 */
export const personPartFields: readonly FieldDefinition[] = [
  {
    name: 'fullName',
    kind: 'name',
    label: 'Full name',
    errorName: `Full name of person ${numberPlaceholder}`,
    requiredMessage: `Enter the full name of person ${numberPlaceholder}`,
  },
  {
    name: 'dateOfBirth',
    kind: 'date',
    label: 'Date of birth',
    errorName: `Date of birth of person ${numberPlaceholder}`,
    requiredMessage: `Enter the date of birth of person ${numberPlaceholder}`,
    dateRule: 'past',
  },
];

/** The message when more people are given than {@link maxPeople}. */
export const tooManyPeopleMessage = `You can add up to ${String(maxPeople)} people`;

/** A row message template filled in for one person. */
function fill(template: string, number: number): string {
  return template.replaceAll(numberPlaceholder, String(number));
}

/**
 * The template a row's message was filled in from, and the person's number: how a reader in
 * another language finds the message's translation ("Enter the full name of person 2" is
 * "Enter the full name of person {{number}}" with number 2).
 */
export function personMessageTemplate(message: string): { template: string; number: number } | undefined {
  const match = /\bperson (\d+)\b/.exec(message);
  if (!match?.[1]) return undefined;
  return { template: message.replace(match[0], `person ${numberPlaceholder}`), number: Number(match[1]) };
}

type CheckOne = (field: FieldDefinition, raw: unknown, mode: InputMode, options: EngineOptions) => FieldCheck;

function part(row: unknown, name: string): unknown {
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined;
}

function isBlankRow(row: unknown): boolean {
  const blank = (value: unknown): boolean =>
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (typeof value === 'object' && Object.values(value).every(blank));
  return blank(row);
}

/** One person's parts checked, with messages still holding their number's placeholder. */
export function checkPersonRow(
  row: unknown,
  mode: InputMode,
  options: EngineOptions,
  checkOne: CheckOne,
): { value: PersonAnswer | undefined; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const value: Partial<PersonAnswer> = {};
  for (const field of personPartFields) {
    const check = checkOne(field, part(row, field.name), mode, options);
    for (const issue of check.issues) issues.push({ ...issue, path: [field.name, ...issue.path] });
    if (typeof check.value === 'string') value[field.name as keyof PersonAnswer] = check.value;
  }
  return issues.length === 0 && value.fullName && value.dateOfBirth
    ? { value: { fullName: value.fullName, dateOfBirth: value.dateOfBirth }, issues }
    : { value: undefined, issues };
}

/**
 * Checks a `people` field: each row given a full name and a real past date of birth, its issues
 * at `[row index, part]` and naming the row by its number on the page. Rows left wholly empty
 * (the blank row "Add another person" gives) are dropped; a required field needs one person.
 */
export function checkPeople(
  field: FieldDefinition,
  raw: unknown,
  mode: InputMode,
  options: EngineOptions,
  checkOne: CheckOne,
): FieldCheck {
  const rows: unknown[] = Array.isArray(raw) ? raw : [];
  if (rows.length > maxPeople) return { value: undefined, issues: [{ path: [], message: tooManyPeopleMessage }] };
  const people: PersonAnswer[] = [];
  const issues: FieldIssue[] = [];
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const check = checkPersonRow(row, mode, options, checkOne);
    for (const issue of check.issues)
      issues.push({ ...issue, path: [String(index), ...issue.path], message: fill(issue.message, index + 1) });
    if (check.value) people.push(check.value);
  });
  if (issues.length > 0) return { value: undefined, issues };
  if (people.length > 0) return { value: people, issues: [] };
  if (field.optional) return { value: undefined, issues: [] };
  const [first] = personPartFields;
  return {
    value: undefined,
    issues: [{ path: ['0', 'fullName'], message: fill(first?.requiredMessage ?? '', 1) }],
  };
}
