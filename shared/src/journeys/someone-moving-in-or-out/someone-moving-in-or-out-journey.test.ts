import { describe, expect, it } from 'vitest';
import { createSubmissionRequestSchema } from '../../api/submissions.js';
import { generateReference } from '../../identifiers/reference.js';
import { createSubmissionEnvelopeV1 } from '../../submission/v1/create-envelope-v1.js';
import { toAgencyPayload } from '../../submission/v1/to-agency-payload.js';
import { describeJourneyTable, tableToday } from '../../testing/journey-table.js';
import { getJourney } from '../catalogue.js';
import type { Answers } from '../engine/answers.js';
import { consentOptions } from '../engine/consent-options.js';
import { nextPage } from '../engine/next-page.js';
import { applyPageAnswers, pageSchema } from '../engine/page-schema.js';
import { someoneMovingInOrOutJourney } from './someone-moving-in-or-out-journey.js';

// The fifth life event runs through the same engine functions as the others: it is data only.
describeJourneyTable(someoneMovingInOrOutJourney, [
  { page: 'your-details', empty: 'Enter your full name', post: { fullName: 'Eleri Jones' }, next: 'address' },
  {
    page: 'address',
    empty: 'Enter address line 1, typically the building and street',
    post: { address: { line1: '2 Heol y Parc', town: 'Cardiff', postcode: 'cf10 1aa' } },
    next: 'direction',
  },
  {
    page: 'direction',
    empty: 'Select if someone moved in or out',
    post: { direction: 'moved-out' },
    next: 'other-person',
  },
  {
    page: 'other-person',
    empty: 'Enter their full name',
    post: { otherPersonName: 'Gareth Jones', otherPersonDateOfBirth: { day: '21', month: '5', year: '1990' } },
    next: 'move-date',
  },
  {
    page: 'move-date',
    empty: 'Enter the date they moved',
    post: { moveDate: { day: '31', month: '1', year: '2025' } },
    next: 'adults-now',
  },
  {
    page: 'adults-now',
    empty: 'Select how many adults live in your home',
    post: { adultsNow: 'one' },
    next: 'home-and-benefits',
  },
  {
    page: 'home-and-benefits',
    empty: 'Select yes if you rent your home from the council or a housing association',
    post: { socialTenant: 'no', getsUniversalCredit: 'yes', nationalInsuranceNumber: 'JG103759A' },
    next: 'contact',
  },
  {
    page: 'contact',
    empty: 'Select how we can contact you',
    post: { contactMethods: ['email'], email: 'eleri@example.com' },
    next: 'check-answers',
  },
]);

describe('someone moving in or out, end to end through the shared engine', () => {
  it('goes from form posts to agency payloads with no code of its own', () => {
    const journey = getJourney('someone-moving-in-or-out');
    const posts: Record<string, Record<string, unknown>> = {
      'your-details': { fullName: 'Eleri Jones' },
      address: { address: { line1: '2 Heol y Parc', town: 'Cardiff', postcode: 'CF101AA' } },
      direction: { direction: 'moved-in' },
      'other-person': {
        otherPersonName: 'Gareth Jones',
        otherPersonDateOfBirth: { day: '21', month: '5', year: '1990' },
      },
      'move-date': { moveDate: { day: '1', month: '6', year: '2025' } },
      'adults-now': { adultsNow: 'two-or-more' },
      'home-and-benefits': { socialTenant: 'yes', getsUniversalCredit: 'no' },
      contact: { contactMethods: 'email', email: 'eleri@example.com' },
    };
    let answers: Answers = {};
    for (
      let pageId = journey.pages[0]?.id ?? '';
      pageId !== 'check-answers';
      pageId = nextPage(journey, pageId, answers)
    ) {
      answers = applyPageAnswers(
        journey,
        pageId,
        answers,
        pageSchema(journey, pageId, answers, { today: tableToday }).parse(posts[pageId] ?? {}),
      );
    }
    expect(consentOptions(journey, answers).map((option) => [option.agency, option.required])).toEqual([
      ['council', true],
      ['housing-provider', false],
    ]);
    const request = createSubmissionRequestSchema.parse({
      lifeEvent: journey.id,
      answers,
      consent: ['council', 'housing-provider'],
    });
    const envelope = createSubmissionEnvelopeV1(request, { reference: generateReference(), submittedAt: new Date() });
    expect(toAgencyPayload(envelope, 'jobcentre')).toBeUndefined();
    expect(toAgencyPayload(envelope, 'council')?.answers).toMatchObject({
      adultsNow: 'two-or-more',
      address: { postcode: 'CF10 1AA' },
    });
    expect(toAgencyPayload(envelope, 'housing-provider')?.answers).not.toHaveProperty('getsUniversalCredit');
  });
});
