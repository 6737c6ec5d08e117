import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { agencyPayloadSchema } from '../../submission/v1/agency-payload-schema.js';
import { catalogue } from '../catalogue.js';
import { answersSchema } from '../engine/answers-schema.js';
import { pageSchema } from '../engine/page-schema.js';
import { pickRoutedAnswers } from '../engine/routing.js';
import { describeJourneyTable } from '../../testing/journey-table.js';
import { babyBornJourney } from './baby-born-journey.js';

describeJourneyTable(babyBornJourney, [
  {
    page: 'baby-name',
    empty: "Enter the baby's first name",
    post: { babyFirstName: 'Amara', babyLastName: 'Okafor' },
    next: 'baby-date-of-birth',
  },
  {
    page: 'baby-date-of-birth',
    empty: "Enter the baby's date of birth",
    post: { babyDateOfBirth: { day: '3', month: 'Feb', year: '2025' } },
    next: 'baby-nhs-number',
  },
  { page: 'baby-nhs-number', empty: undefined, post: { babyNhsNumber: '401 023 2137' }, next: 'parents' },
  { page: 'parents', empty: 'Enter your full name', post: { parentName: 'Chiamaka Okafor' }, next: 'home-address' },
  {
    page: 'home-address',
    empty: 'Enter address line 1, typically the building and street',
    post: { homeAddress: { line1: '20 Mill Road', town: 'Cambridge', postcode: 'CB1 2AB' } },
    next: 'home',
  },
  {
    page: 'home',
    empty: 'Select yes if you rent your home from the council or a housing association',
    post: { socialTenant: 'yes' },
    next: 'benefits',
  },
  {
    page: 'benefits',
    empty: "Select the benefits your household gets, or select 'None of these'",
    post: { benefits: ['universal-credit'] },
    next: 'your-ni-number',
  },
  {
    page: 'your-ni-number',
    empty: 'Select yes if you know your National Insurance number',
    post: { knowsParentNiNumber: 'yes', parentNiNumber: 'JG 10 37 59 A' },
    next: 'contact',
  },
  {
    page: 'contact',
    empty: 'Select how we can contact you',
    post: { contactMethods: ['phone'], phone: '07700 900 982' },
    next: 'check-answers',
  },
]);

describe('a parent who does not know their National Insurance number', () => {
  const journey = catalogue['baby-born'];
  const today = '2026-06-15';

  it('can say so and go on; the number is then neither asked for nor kept', () => {
    const schema = pageSchema(journey, 'your-ni-number', {}, { today });
    expect(schema.parse({ knowsParentNiNumber: 'no', parentNiNumber: 'typed before changing their mind' })).toEqual({
      knowsParentNiNumber: 'no',
    });
    expect(
      schema.safeParse({ knowsParentNiNumber: 'yes', parentNiNumber: '' }).error?.issues.map((issue) => issue.message),
    ).toEqual(['Enter your National Insurance number']);
  });

  it('is sent to Jobcentre Plus with what they said, in a payload that passes its schema', () => {
    const { answers } = exampleSubmissions['baby-born'];
    const withoutNumber = {
      ...Object.fromEntries(Object.entries(answers).filter(([name]) => name !== 'parentNiNumber')),
      knowsParentNiNumber: 'no',
    };
    const parsed = answersSchema(journey, { today }).parse(withoutNumber);
    const routed = pickRoutedAnswers(journey, 'jobcentre', parsed);
    expect(routed).toMatchObject({ knowsParentNiNumber: 'no' });
    expect(routed).not.toHaveProperty('parentNiNumber');
    const payload = {
      reference: 'TUO-7K3M-9Q2M',
      lifeEvent: 'baby-born',
      submittedAt: '2026-06-15T10:00:00.000Z',
      channel: 'online',
      answers: routed,
    };
    expect(agencyPayloadSchema(journey, 'jobcentre').safeParse(payload).success).toBe(true);
  });
});
