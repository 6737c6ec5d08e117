import { contactFieldNames, contactPage } from '../contact-page.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

const change = [
  'fullName',
  'dateOfBirth',
  'address',
  'changeType',
  'changeDate',
  'employerName',
  'hoursPerWeek',
  'benefits',
];
const contact = [...contactFieldNames];
const newWork = {
  any: [
    { field: 'changeType', equals: 'started-work' },
    { field: 'changeType', equals: 'hours-or-pay-changed' },
  ],
};

/** "A change in work or income": update Universal Credit, Housing Benefit and Council Tax Reduction. */
export const changeInWorkOrIncomeJourney: JourneyDefinition = {
  id: 'change-in-work-or-income',
  title: 'A change in work or income',
  summary:
    'Tell Jobcentre Plus and the council when you start or stop work, or your hours or pay change, so your benefits are right.',
  pages: [
    {
      id: 'your-details',
      path: 'your-details',
      kind: 'form',
      section: 'About you',
      title: 'About you',
      wording: { adviser: { title: 'About the resident', section: 'About the resident' } },
      fields: [
        {
          name: 'fullName',
          kind: 'name',
          person: 'The person reporting',
          label: 'Full name',
          wording: { adviser: { requiredMessage: "Enter the resident's full name" } },
          requiredMessage: 'Enter your full name',
          autocomplete: 'name',
        },
        {
          name: 'dateOfBirth',
          kind: 'date',
          label: 'Date of birth',
          wording: { adviser: { requiredMessage: "Enter the resident's date of birth" } },
          hint: 'For example, 27 3 1985',
          requiredMessage: 'Enter your date of birth',
          dateRule: 'past',
          autocomplete: 'bday',
        },
        {
          name: 'nationalInsuranceNumber',
          kind: 'ni-number',
          label: 'National Insurance number',
          hint: "It's on your National Insurance card, benefit letter, payslip or P60. For example, JG 10 37 59 A",
          wording: {
            adviser: {
              requiredMessage: "Enter the resident's National Insurance number",
              hint: "It's on their National Insurance card, benefit letter, payslip or P60. For example, JG 10 37 59 A",
            },
          },
          requiredMessage: 'Enter your National Insurance number',
        },
      ],
      next: [{ page: 'address' }],
    },
    {
      id: 'address',
      path: 'your-address',
      kind: 'form',
      title: 'What is your address?',
      wording: { adviser: { title: "What is the resident's address?" } },
      fields: [
        {
          name: 'address',
          kind: 'address',
          label: 'What is your address?',
          wording: { adviser: { errorName: "The resident's address", label: "What is the resident's address?" } },
          errorName: 'Your address',
          autocomplete: 'street-address',
        },
      ],
      next: [{ page: 'what-changed' }],
    },
    {
      id: 'what-changed',
      path: 'what-changed',
      kind: 'form',
      section: 'What has changed',
      title: 'What has changed?',
      hint: 'If more than one thing changed, choose the biggest change. You can tell us about another change afterwards.',
      wording: {
        adviser: {
          hint: 'If more than one thing changed, choose the biggest change. Another change can be reported afterwards.',
        },
      },
      fields: [
        {
          name: 'changeType',
          kind: 'radios',
          label: 'What has changed?',
          errorName: 'What has changed',
          options: [
            { value: 'started-work', label: 'I started work', wording: { adviser: { label: 'They started work' } } },
            { value: 'stopped-work', label: 'I stopped work', wording: { adviser: { label: 'They stopped work' } } },
            {
              value: 'hours-or-pay-changed',
              label: 'My hours or pay changed',
              wording: { adviser: { label: 'Their hours or pay changed' } },
            },
            { value: 'other-income-changed', label: 'Other income changed', hint: 'For example, a pension or savings' },
          ],
        },
      ],
      next: [{ page: 'change-date' }],
    },
    {
      id: 'change-date',
      path: 'change-date',
      kind: 'form',
      title: 'When did it change, or when will it change?',
      fields: [
        {
          name: 'changeDate',
          kind: 'date',
          label: 'When did it change, or when will it change?',
          hint: 'This can be up to 3 months from today. For example, 1 9 2025',
          errorName: 'Date of the change',
          requiredMessage: 'Enter the date of the change',
          dateRule: { upToMonthsAhead: 3 },
        },
      ],
      next: [{ when: newWork, page: 'work' }, { page: 'benefits' }],
    },
    {
      id: 'work',
      path: 'your-work',
      kind: 'form',
      title: 'About your work',
      wording: { adviser: { title: "About the resident's work" } },
      fields: [
        {
          name: 'employerName',
          kind: 'text',
          label: 'Employer name',
          hint: 'If you work for yourself, write "self-employed".',
          wording: {
            adviser: {
              requiredMessage: "Enter the name of the resident's employer",
              hint: 'If the resident works for themselves, write "self-employed".',
            },
          },
          requiredMessage: 'Enter the name of your employer',
        },
        {
          name: 'hoursPerWeek',
          kind: 'radios',
          label: 'How many hours a week do you usually work?',
          wording: {
            adviser: {
              errorName: 'How many hours the resident works',
              label: 'How many hours a week does the resident usually work?',
            },
          },
          errorName: 'How many hours you work',
          options: [
            { value: 'under-16', label: 'Less than 16 hours' },
            { value: '16-to-29', label: '16 to 29 hours' },
            { value: '30-or-more', label: '30 hours or more' },
            { value: 'it-varies', label: 'It changes from week to week' },
          ],
        },
      ],
      next: [{ page: 'benefits' }],
    },
    {
      id: 'benefits',
      path: 'benefits',
      kind: 'form',
      title: 'Which of these do you get?',
      hint: 'Select all that apply.',
      wording: { adviser: { title: 'Which of these does the resident get?' } },
      fields: [
        {
          name: 'benefits',
          kind: 'checkboxes',
          label: 'Which of these do you get?',
          wording: {
            adviser: {
              errorName: 'The benefits the resident gets',
              requiredMessage: "Select the benefits the resident gets, or select 'None of these'",
              label: 'Which of these does the resident get?',
            },
          },
          errorName: 'The benefits you get',
          requiredMessage: "Select the benefits you get, or select 'None of these'",
          options: [
            { value: 'universal-credit', label: 'Universal Credit' },
            {
              value: 'other-dwp-benefit',
              label: 'Another benefit from Jobcentre Plus',
              hint: "For example, Jobseeker's Allowance or Employment and Support Allowance",
            },
            { value: 'housing-benefit', label: 'Housing Benefit' },
            { value: 'council-tax-reduction', label: 'Council Tax Reduction' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
      ],
      next: [{ page: 'contact' }],
    },
    contactPage('We will only use these to contact you about this change.'),
  ],
  routing: {
    council: {
      relevantWhen: {
        any: [
          { field: 'benefits', includes: 'housing-benefit' },
          { field: 'benefits', includes: 'council-tax-reduction' },
        ],
      },
      fields: [...change, ...contact],
      purpose: 'So the council can work out your Housing Benefit or Council Tax Reduction again.',
    },
    jobcentre: {
      relevantWhen: {
        any: [
          { field: 'benefits', includes: 'universal-credit' },
          { field: 'benefits', includes: 'other-dwp-benefit' },
        ],
      },
      fields: [...change, 'nationalInsuranceNumber', ...contact],
      purpose:
        'So the Department for Work and Pensions can pay you the right amount of Universal Credit or other benefits.',
    },
  },
};
