import { formatIsoDate } from '../../identifiers/calendar-date.js';
import { formatNhsNumber } from '../../identifiers/nhs-number.js';
import { formatNiNumber } from '../../identifiers/ni-number.js';
import { formatPhoneNumber } from '../../identifiers/phone-number.js';
import type { FieldDefinition } from '../definition/field-definition-schema.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import { isPeopleAnswer, type AnswerValue, type Answers } from './answers.js';
import { dontKnowOrganisation } from './field-basics.js';
import { evaluateCondition } from './evaluate-condition.js';
import { reachablePages } from './next-page.js';

/** One row of "Check your answers". */
export interface AnswerSummaryRow {
  readonly pageId: string;
  readonly fieldName: string;
  /** The question, as the resident saw it. */
  readonly label: string;
  /** The answer as lines of text, e.g. an address one line per part; empty when not answered. */
  readonly lines: readonly string[];
  /** The section the question is in: the id of the page that starts it, and its heading; null before any. */
  readonly section: { readonly pageId: string; readonly title: string } | null;
}

/** Each page's section: the nearest page at or before it (in definition order) that starts one. */
export function pageSections(journey: JourneyDefinition): Map<string, AnswerSummaryRow['section']> {
  const sections = new Map<string, AnswerSummaryRow['section']>();
  let current: AnswerSummaryRow['section'] = null;
  for (const page of journey.pages) {
    if (page.section) current = { pageId: page.id, title: page.section };
    sections.set(page.id, current);
  }
  return sections;
}

/** The words an answer is put in, in one language: the rest (numbers, addresses, text) is the same in all. */
export interface AnswerWording {
  /** The label of an option of a radios or checkboxes field (the value itself when it is not one). */
  option: (field: FieldDefinition, value: string) => string;
  /** A `YYYY-MM-DD` date as the reader writes it ("1 March 2024"). */
  date: (isoDate: string) => string;
  yesNo: (answer: 'yes' | 'no') => string;
  /** One person of a people field, their date of birth already worded: "Piotr Kowalski, born 12 April 1988". */
  person: (fullName: string, dateOfBirth: string) => string;
}

/** English, as the catalogue words it. */
export const englishWording: AnswerWording = {
  option: (field, value) => field.options?.find((candidate) => candidate.value === value)?.label ?? value,
  date: formatIsoDate,
  yesNo: (answer) => (answer === 'yes' ? 'Yes' : 'No'),
  person: (fullName, dateOfBirth) => `${fullName}, born ${dateOfBirth}`,
};

/**
 * The answer as lines of text a reader recognises, in the wording given: option labels, a date,
 * an address one part a line, a people field one person a line; numbers keep their usual
 * spacing ("943 476 5919").
 */
export function formatAnswerIn(wording: AnswerWording, field: FieldDefinition, value: AnswerValue): string[] {
  if (isPeopleAnswer(value))
    return value.map((person) => wording.person(person.fullName, wording.date(person.dateOfBirth)));
  if (Array.isArray(value)) return value.map((option) => wording.option(field, option));
  if (typeof value !== 'string')
    return [value.line1, value.line2, value.town, value.postcode].filter((line) => line !== undefined);
  switch (field.kind) {
    case 'date':
      return [wording.date(value)];
    case 'radios':
      return [wording.option(field, value)];
    case 'yes-no':
      return [wording.yesNo(value === 'yes' ? 'yes' : 'no')];
    case 'nhs-number':
      return [formatNhsNumber(value)];
    case 'ni-number':
      return [formatNiNumber(value)];
    case 'phone':
      return [formatPhoneNumber(value)];
    case 'organisation':
      // An organisation's id: pages that show it put the directory's name in its place.
      return [value === dontKnowOrganisation ? "I don't know" : value];
    default:
      return [value];
  }
}

/** The answer as lines of English text: {@link formatAnswerIn} with {@link englishWording}; none when not answered. */
export function formatAnswer(field: FieldDefinition, value: AnswerValue | undefined): string[] {
  return value === undefined ? [] : formatAnswerIn(englishWording, field, value);
}

/** The rows of "Check your answers": every visible field on the resident's route, in order. */
export function answerSummary(journey: JourneyDefinition, answers: Readonly<Answers>): AnswerSummaryRow[] {
  const sections = pageSections(journey);
  return reachablePages(journey, answers).flatMap((page) =>
    page.fields
      .filter((field) => !field.showWhen || evaluateCondition(field.showWhen, answers))
      .map((field) => ({
        pageId: page.id,
        fieldName: field.name,
        label: field.label,
        lines: formatAnswer(field, Object.hasOwn(answers, field.name) ? answers[field.name] : undefined),
        section: sections.get(page.id) ?? null,
      })),
  );
}
