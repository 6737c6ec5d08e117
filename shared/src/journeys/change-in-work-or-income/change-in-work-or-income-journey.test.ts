import { describeJourneyTable } from '../../testing/journey-table.js';
import { changeInWorkOrIncomeJourney } from './change-in-work-or-income-journey.js';

describeJourneyTable(changeInWorkOrIncomeJourney, [
  {
    page: 'your-details',
    empty: 'Enter your full name',
    post: {
      fullName: 'Tomasz Nowak',
      dateOfBirth: { day: '30', month: '11', year: '1979' },
      nationalInsuranceNumber: 'AB123456C',
    },
    next: 'address',
  },
  {
    page: 'address',
    empty: 'Enter address line 1, typically the building and street',
    post: { address: { line1: '8 Canal Street', town: 'Manchester', postcode: 'M1 3HE' } },
    next: 'what-changed',
  },
  {
    page: 'what-changed',
    empty: 'Select what has changed',
    post: { changeType: 'hours-or-pay-changed' },
    next: 'change-date',
  },
  {
    page: 'change-date',
    empty: 'Enter the date of the change',
    post: { changeDate: { day: '1', month: '8', year: '2025' } },
    next: 'work',
  },
  {
    page: 'work',
    empty: 'Enter the name of your employer',
    post: { employerName: 'Northern Bakeries', hoursPerWeek: 'it-varies' },
    next: 'benefits',
  },
  {
    page: 'benefits',
    empty: "Select the benefits you get, or select 'None of these'",
    post: { benefits: ['universal-credit'] },
    next: 'contact',
  },
  {
    page: 'contact',
    empty: 'Select how we can contact you',
    post: { contactMethods: 'phone', phone: '+44 808 157 0192' },
    next: 'check-answers',
  },
]);
