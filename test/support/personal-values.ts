import {
  formatNhsNumber,
  formatNiNumber,
  getJourney,
  isPeopleAnswer,
  peopleFieldNames,
  protectedFields,
  type Answers,
  type LifeEventId,
} from '@tuo/shared';

/** Field kinds whose answers are about a person (not a choice from a list). */
const personalKinds = new Set([
  'text',
  'textarea',
  'name',
  'date',
  'nhs-number',
  'ni-number',
  'postcode',
  'address',
  'email',
  'phone',
  'people',
]);

/**
 * Every personal value in a set of answers, as stored and in the forms people write them
 * ("943 476 5919", "AB 12 34 56 C"), for tests that look for them where they must not be.
 */
export function personalValues(lifeEvent: LifeEventId, answers: Readonly<Answers>): string[] {
  const values: string[] = [];
  for (const field of getJourney(lifeEvent).pages.flatMap((page) => page.fields)) {
    const answer = answers[field.name];
    if (answer === undefined || !personalKinds.has(field.kind)) continue;
    if (typeof answer === 'string') values.push(answer);
    else if (isPeopleAnswer(answer)) values.push(...answer.flatMap((person) => [person.fullName, person.dateOfBirth]));
    else if (!Array.isArray(answer))
      values.push(...Object.values(answer).filter((part): part is string => typeof part === 'string'));
    if (field.kind === 'nhs-number' && typeof answer === 'string') values.push(formatNhsNumber(answer));
    if (field.kind === 'ni-number' && typeof answer === 'string') values.push(formatNiNumber(answer));
  }
  return [...new Set(values)];
}

/** Only the protected identifiers (NHS and NI numbers, dates of birth), in every written form. */
export function protectedValues(lifeEvent: LifeEventId, answers: Readonly<Answers>): string[] {
  const values: string[] = [];
  for (const [name, kind] of protectedFields(getJourney(lifeEvent))) {
    const answer = answers[name];
    if (typeof answer !== 'string') continue;
    values.push(answer);
    if (kind === 'nhs-number') values.push(formatNhsNumber(answer));
    if (kind === 'ni-number') values.push(formatNiNumber(answer));
  }
  // Each person's date of birth in a list of people.
  for (const name of peopleFieldNames(getJourney(lifeEvent))) {
    const answer = answers[name];
    if (isPeopleAnswer(answer)) values.push(...answer.map((person) => person.dateOfBirth));
  }
  return values;
}
