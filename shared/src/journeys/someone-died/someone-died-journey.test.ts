import { describeJourneyTable } from '../../testing/journey-table.js';
import { someoneDiedJourney } from './someone-died-journey.js';

describeJourneyTable(someoneDiedJourney, [
  {
    page: 'their-name',
    empty: 'Enter their first name',
    post: { firstName: 'Margaret', middleNames: '', lastName: "O'Brien" },
    next: 'date-of-birth',
  },
  {
    page: 'date-of-birth',
    empty: 'Enter their date of birth',
    post: { dateOfBirth: { day: '27', month: '3', year: '1941' } },
    next: 'date-of-death',
  },
  {
    page: 'date-of-death',
    empty: 'Enter the date they died',
    post: { dateOfDeath: { day: '14', month: '1', year: '2025' } },
    next: 'last-address',
  },
  {
    page: 'last-address',
    empty: 'Enter address line 1, typically the building and street',
    post: { lastAddress: { line1: '12 Acacia Avenue', line2: '', town: 'Leeds', postcode: 'ls14ap' } },
    next: 'their-numbers',
  },
  {
    page: 'their-numbers',
    empty: undefined,
    post: { nationalInsuranceNumber: 'ab 12 34 56 c', nhsNumber: '' },
    next: 'their-gp-practice',
  },
  {
    page: 'their-gp-practice',
    empty: undefined,
    post: { gpPractice: 'dont-know' },
    next: 'marital-status',
  },
  {
    page: 'marital-status',
    empty: 'Select their marital status',
    post: { maritalStatus: 'widowed' },
    next: 'services',
  },
  {
    page: 'services',
    empty: "Select the services they had, or select 'None of these'",
    post: { services: ['council-tax', 'benefits-or-state-pension'] },
    next: 'their-home',
  },
  {
    page: 'their-home',
    empty: 'Select yes if anyone still lives in their home',
    post: { othersLiveAtAddress: 'no' },
    next: 'registration',
  },
  {
    page: 'registration',
    empty: undefined,
    post: { deathRegistered: 'yes-with-reference', tellUsOnceReference: 'TUO 1234 5678' },
    next: 'about-you',
  },
  {
    page: 'about-you',
    empty: 'Enter your full name',
    post: { reporterName: 'Sean OBrien', relationship: 'child', reporterRoles: 'executor' },
    next: 'contact',
  },
  {
    page: 'contact',
    empty: 'Select how we can contact you',
    post: { contactMethods: 'email', email: 'sean@example.com' },
    next: 'check-answers',
  },
]);
