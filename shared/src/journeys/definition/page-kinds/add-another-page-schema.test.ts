import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../engine/answers-schema.js';
import { answerSummary } from '../../engine/answer-summary.js';
import { pageSchema } from '../../engine/page-schema.js';
import type { JourneyDefinition } from '../journey-definition-schema.js';
import { validateJourneyDefinition } from '../validate-journey-definition.js';

const today = '2025-06-15';

/** A journey whose one question is a list of people, on an add-another page. */
function householdJourney(): JourneyDefinition {
  return {
    id: 'test-household',
    title: 'Household',
    summary: 'A journey for tests.',
    pages: [
      {
        id: 'household',
        path: 'household',
        kind: 'add-another',
        title: 'Who lives with you?',
        fields: [{ name: 'household', kind: 'people', label: 'People who live with you' }],
        next: 'check-answers',
      },
    ],
    routing: { council: { relevantWhen: 'always', fields: ['household'], purpose: 'So the council knows.' } },
  };
}

const row = (fullName: string, day: string, month: string, year: string) => ({
  fullName,
  dateOfBirth: { day, month, year },
});

function issues(result: { error?: { issues: readonly { path: PropertyKey[]; message: string }[] } | undefined }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

describe('the add-another page kind and its people field', () => {
  const journey = validateJourneyDefinition(householdJourney());
  const schema = pageSchema(journey, 'household', {}, { today });

  it('keeps each person, in order, with an ISO date of birth; wholly blank rows are dropped', () => {
    const result = schema.safeParse({
      household: [
        row(' Piotr  Kowalski ', '12', '4', '1988'),
        row('', '', '', ''),
        row('Zofia Kowalska', '1', '9', '2019'),
      ],
    });
    expect(result.data).toEqual({
      household: [
        { fullName: 'Piotr Kowalski', dateOfBirth: '1988-04-12' },
        { fullName: 'Zofia Kowalska', dateOfBirth: '2019-09-01' },
      ],
    });
  });

  it('names the row in each error, at the row and part, and asks for one person when none is given', () => {
    expect(issues(schema.safeParse({}))).toEqual([['household.0.fullName', 'Enter the full name of person 1']]);
    expect(
      issues(
        schema.safeParse({
          household: [row('Piotr Kowalski', '12', '4', '1988'), row('', '1', '13', '2019'), row('Zofia', '', '', '')],
        }),
      ),
    ).toEqual([
      ['household.1.fullName', 'Enter the full name of person 2'],
      ['household.1.dateOfBirth', 'Date of birth of person 2 must be a real date'],
      ['household.2.dateOfBirth', 'Enter the date of birth of person 3'],
    ]);
    expect(issues(schema.safeParse({ household: [row('Piotr', '1', '1', '2999')] }))).toEqual([
      ['household.0.dateOfBirth', 'Date of birth of person 1 must be today or in the past'],
    ]);
  });

  it('refuses more than 10 people', () => {
    const eleven = Array.from({ length: 11 }, (_unused, index) =>
      row(`Person ${'I'.repeat(index + 1)}`, '1', '1', '2000'),
    );
    expect(issues(schema.safeParse({ household: eleven }))).toEqual([['household', 'You can add up to 10 people']]);
  });

  it('checks the normalised list in a whole submission, and words one line per person', () => {
    const answers = { household: [{ fullName: 'Piotr Kowalski', dateOfBirth: '1988-04-12' }] };
    expect(answersSchema(journey, { today }).parse(answers)).toEqual(answers);
    expect(
      issues(
        answersSchema(journey, { today }).safeParse({ household: [{ fullName: 'Piotr', dateOfBirth: '1988-02-30' }] }),
      ),
    ).not.toEqual([]);
    expect(
      answerSummary(journey, {
        household: [...answers.household, { fullName: 'Zofia Kowalska', dateOfBirth: '2019-09-01' }],
      })[0]?.lines,
    ).toEqual(['Piotr Kowalski, born 12 April 1988', 'Zofia Kowalska, born 1 September 2019']);
  });

  it('is refused by the meta-schema off its own page kind, and with another kind of field', () => {
    const base = householdJourney();
    const [page] = base.pages;
    if (!page) throw new Error('No page');
    const onFormPage = { ...base, pages: [{ ...page, kind: 'form' as const }] };
    expect(() => validateJourneyDefinition(onFormPage)).toThrow(/people fields go on add-another pages/);
    const textField = {
      ...base,
      pages: [{ ...page, fields: [{ name: 'household', kind: 'text' as const, label: 'Who' }] }],
    };
    expect(() => validateJourneyDefinition(textField)).toThrow(/an add-another page asks one people field, not text/);
    const twoFields = {
      ...base,
      pages: [{ ...page, fields: [...page.fields, { name: 'other', kind: 'people' as const, label: 'Others' }] }],
    };
    expect(() => validateJourneyDefinition(twoFields)).toThrow();
  });
});
