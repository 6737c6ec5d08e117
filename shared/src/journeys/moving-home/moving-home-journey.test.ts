import { describe, expect, it } from 'vitest';
import { createSubmissionRequestSchema } from '../../api/submissions.js';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { generateReference } from '../../identifiers/reference.js';
import { createSubmissionEnvelopeV1 } from '../../submission/v1/create-envelope-v1.js';
import { toAgencyPayload } from '../../submission/v1/to-agency-payload.js';
import { describeJourneyTable } from '../../testing/journey-table.js';
import { movingHomeJourney } from './moving-home-journey.js';

describeJourneyTable(movingHomeJourney, [
  {
    page: 'your-details',
    empty: 'Enter your full name',
    post: { fullName: 'Priya Shah', dateOfBirth: { day: '9', month: '7', year: '1986' } },
    next: 'who-is-moving',
  },
  {
    page: 'who-is-moving',
    empty: 'Select who is moving',
    post: { movingWith: 'me-and-others' },
    next: 'people-moving',
  },
  {
    page: 'people-moving',
    empty: 'Enter the full name of person 1',
    post: {
      peopleMoving: [
        { fullName: 'Ravi Shah', dateOfBirth: { day: '2', month: '5', year: '1984' } },
        { fullName: 'Anya Shah', dateOfBirth: { day: '18', month: '10', year: '2015' } },
      ],
    },
    next: 'old-address',
  },
  {
    page: 'old-address',
    empty: 'Enter address line 1, typically the building and street',
    post: { oldAddress: { line1: '3 Station Road', town: 'Swindon', postcode: 'SN1 1AA' } },
    next: 'new-address',
  },
  {
    page: 'new-address',
    empty: 'Enter address line 1, typically the building and street',
    post: { newAddress: { line1: '45 High Street', town: 'Bristol', postcode: 'BS1 2AW' } },
    next: 'move-date',
  },
  {
    page: 'move-date',
    empty: 'Enter the date you move',
    post: { moveDate: { day: '1', month: '9', year: '2025' } },
    next: 'tenancy',
  },
  {
    page: 'tenancy',
    empty: "Select if you are leaving or moving into a council or housing association home, or select 'Neither'",
    post: { tenancyChanges: 'neither' },
    next: 'council-tax',
  },
  {
    page: 'council-tax',
    empty: 'Select yes if you will pay the Council Tax at your new address',
    post: { paysCouncilTax: 'yes', councilTaxAccount: '' },
    next: 'benefits',
  },
  {
    page: 'benefits',
    empty: "Select the benefits you get, or select 'None of these'",
    post: { benefits: 'universal-credit' },
    next: 'your-ni-number',
  },
  {
    // Not knowing it is an answer: the move is still told (as when a baby is born).
    page: 'your-ni-number',
    empty: 'Select yes if you know your National Insurance number',
    post: { knowsNiNumber: 'no', nationalInsuranceNumber: 'Ignored because hidden' },
    next: 'gp',
  },
  {
    page: 'gp',
    empty: 'Select yes if you are registered with a GP',
    post: { registeredWithGp: 'no', gpPractice: 'Ignored because hidden' },
    next: 'contact',
  },
  {
    page: 'contact',
    empty: 'Select how we can contact you',
    post: { contactMethods: ['email', 'phone'], email: 'priya@example.com', phone: '01632 960 001' },
    next: 'check-answers',
  },
]);

describe('moving home routing', () => {
  const people = [
    { fullName: 'Ravi Shah', dateOfBirth: '1984-05-02' },
    { fullName: 'Anya Shah', dateOfBirth: '2015-10-18' },
  ];

  it('tells the GP practice and the council about each person who moves with the resident, children included', () => {
    const request = createSubmissionRequestSchema.parse(exampleSubmissions['moving-home']);
    const envelope = createSubmissionEnvelopeV1(request, { reference: generateReference(), submittedAt: new Date() });
    const gp = toAgencyPayload(envelope, 'gp-practice')?.answers;
    expect(gp).toMatchObject({ movingWith: 'me-and-others', peopleMoving: people });
    expect(toAgencyPayload(envelope, 'council')?.answers).toMatchObject({ peopleMoving: people });
    // Still only what the practice needs: nothing about tenancy, Council Tax or benefits.
    expect(gp).not.toHaveProperty('tenancyChanges');
    expect(gp).not.toHaveProperty('councilTaxAccount');
    expect(gp).not.toHaveProperty('benefits');
  });

  it('goes past the people page when the resident moves alone, and asks for nobody', () => {
    const request = createSubmissionRequestSchema.parse({
      ...exampleSubmissions['moving-home'],
      answers: { ...exampleSubmissions['moving-home'].answers, movingWith: 'just-me' },
    });
    expect(request.answers).not.toHaveProperty('peopleMoving');
  });
});
