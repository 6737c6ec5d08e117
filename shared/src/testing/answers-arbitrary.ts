import fc from 'fast-check';
import { addMonths } from '../identifiers/calendar-date.js';
import { examplePersonNames } from '../identifiers/person-name.js';
import type { FieldDefinition } from '../journeys/definition/field-definition-schema.js';
import type { JourneyDefinition } from '../journeys/definition/journey-definition-schema.js';
import { checkAnswersPage } from '../journeys/definition/page-definition-schema.js';
import type { AnswerValue, Answers } from '../journeys/engine/answers.js';
import { evaluateCondition } from '../journeys/engine/evaluate-condition.js';
import { firstPage, getPage, nextPage } from '../journeys/engine/next-page.js';
import { validEmail, validNhsNumber, validNiNumber, validPostcode, validUkMobile } from './identifier-arbitraries.js';

/**
 * fast-check arbitraries of whole, valid, normalised answers for any journey, following a random
 * route through it. Test code only: they import fast-check, a dev dependency.
 */

const dayMs = 86_400_000;

function isoDateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc
    .integer({ min: Date.parse(from) / dayMs, max: Date.parse(to) / dayMs })
    .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));
}

const text = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.]{0,30}[A-Za-z0-9]$/);

/** A valid normalised answer to one field, with dates up to `today` (and its months-ahead rule). */
export function fieldValueArbitrary(field: FieldDefinition, today: string): fc.Arbitrary<AnswerValue> {
  const options = field.options ?? [];
  switch (field.kind) {
    case 'text':
      return text;
    case 'textarea':
      return fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
    case 'name':
      return fc.constantFrom(...examplePersonNames);
    case 'date':
      return isoDateBetween(
        '1900-01-01',
        field.dateRule === 'past' || !field.dateRule ? today : addMonths(today, field.dateRule.upToMonthsAhead),
      );
    case 'radios':
      return fc.constantFrom(...options.map((option) => option.value));
    case 'yes-no':
      return fc.constantFrom('yes', 'no');
    case 'checkboxes': {
      const exclusive = options.filter((option) => option.exclusive).map((option) => [option.value]);
      const others = fc.subarray(
        options.filter((option) => !option.exclusive).map((option) => option.value),
        { minLength: 1 },
      );
      return exclusive.length > 0 ? fc.oneof(fc.constantFrom(...exclusive), others) : others;
    }
    case 'nhs-number':
      return validNhsNumber;
    case 'ni-number':
      return validNiNumber;
    case 'postcode':
      return validPostcode;
    case 'email':
      return validEmail;
    case 'phone':
      return validUkMobile;
    case 'organisation':
      // A made-up id names no organisation in any directory; "I don't know" is valid everywhere.
      return fc.constant('dont-know');
    case 'address':
      return fc
        .record({ line1: text, line2: fc.option(text, { nil: undefined }), town: text, postcode: validPostcode })
        .map(({ line2, ...address }) => (line2 === undefined ? address : { ...address, line2 }));
    case 'people':
      return fc.array(
        fc.record({
          fullName: fc.constantFrom(...examplePersonNames),
          dateOfBirth: isoDateBetween('1900-01-01', today),
        }),
        { minLength: 1, maxLength: 4 },
      );
  }
}

/**
 * Valid answers for a journey. A candidate value is drawn for every field, then the route is
 * walked: visible required fields are always answered, optional ones when `fillOptional` says so.
 */
export function answersArbitrary(
  journey: JourneyDefinition,
  today: string,
  fillOptional: 'sometimes' | 'always' = 'sometimes',
): fc.Arbitrary<Answers> {
  const fields = journey.pages.flatMap((page) => page.fields);
  const candidates = fc.record(
    Object.fromEntries(fields.map((field) => [field.name, fieldValueArbitrary(field, today)])),
  );
  const fills = fc.record(
    Object.fromEntries(
      fields.map((field) => [field.name, fillOptional === 'always' ? fc.constant(true) : fc.boolean()]),
    ),
  );
  return fc.tuple(candidates, fills).map(([values, fill]) => {
    const answers: Answers = {};
    for (let pageId = firstPage(journey).id; pageId !== checkAnswersPage; pageId = nextPage(journey, pageId, answers)) {
      for (const field of getPage(journey, pageId).fields) {
        if (field.showWhen && !evaluateCondition(field.showWhen, answers)) continue;
        const drawn = values[field.name];
        // A date drawn before the date its notBefore names is moved up to that date (the same day is allowed).
        const earliest = field.notBefore ? answers[field.notBefore.field] : undefined;
        const value = typeof drawn === 'string' && typeof earliest === 'string' && drawn < earliest ? earliest : drawn;
        if (value !== undefined && (!field.optional || fill[field.name] === true)) answers[field.name] = value;
      }
    }
    return answers;
  });
}
