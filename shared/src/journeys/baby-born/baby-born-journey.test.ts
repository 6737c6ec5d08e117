import { describeJourneyTable } from '../../testing/journey-table.js';
import { babyBornJourney } from './baby-born-journey.js';

describeJourneyTable(babyBornJourney, [
  { page: 'baby-name', empty: "Enter the baby's first name", post: { babyFirstName: 'Amara', babyLastName: 'Okafor' }, next: 'baby-date-of-birth' },
  { page: 'baby-date-of-birth', empty: "Enter the baby's date of birth", post: { babyDateOfBirth: { day: '3', month: 'Feb', year: '2025' } }, next: 'baby-nhs-number' },
  { page: 'baby-nhs-number', empty: undefined, post: { babyNhsNumber: '401 023 2137' }, next: 'parents' },
  { page: 'parents', empty: 'Enter your full name', post: { parentName: 'Chiamaka Okafor' }, next: 'home-address' },
  { page: 'home-address', empty: 'Enter address line 1, typically the building and street', post: { homeAddress: { line1: '20 Mill Road', town: 'Cambridge', postcode: 'CB1 2AB' } }, next: 'home' },
  { page: 'home', empty: 'Select yes if you rent your home from the council or a housing association', post: { socialTenant: 'yes' }, next: 'benefits' },
  { page: 'benefits', empty: "Select the benefits your household gets, or select 'None of these'", post: { benefits: ['universal-credit'] }, next: 'your-ni-number' },
  { page: 'your-ni-number', empty: 'Enter your National Insurance number', post: { parentNiNumber: 'JG 10 37 59 A' }, next: 'contact' },
  { page: 'contact', empty: 'Select how we can contact you', post: { contactMethods: ['phone'], phone: '07700 900 982' }, next: 'check-answers' },
]);
