import { contactFieldNames, contactPage } from '../contact-page.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

const household = [
  'fullName',
  'address',
  'direction',
  'otherPersonName',
  'otherPersonDateOfBirth',
  'moveDate',
  'adultsNow',
];
const contact = [...contactFieldNames];

/**
 * "Someone moving in or out of your home": mainly for the Council Tax single person discount.
 * Added as data only, with no new engine code, to prove the catalogue is data-driven.
 */
export const someoneMovingInOrOutJourney: JourneyDefinition = {
  id: 'someone-moving-in-or-out',
  title: 'Someone moving in or out of your home',
  summary:
    'Tell the council when an adult moves in or out, so your Council Tax discount is right. We can also tell your landlord and Jobcentre Plus.',
  pages: [
    {
      id: 'your-details',
      path: 'your-details',
      kind: 'form',
      section: 'You and your home',
      title: 'What is your name?',
      wording: { adviser: { title: "What is the resident's name?", section: 'The resident and their home' } },
      fields: [
        {
          name: 'fullName',
          kind: 'name',
          person: 'The person reporting',
          label: 'What is your name?',
          wording: {
            adviser: {
              errorName: "The resident's name",
              requiredMessage: "Enter the resident's full name",
              label: "What is the resident's name?",
            },
          },
          errorName: 'Your name',
          requiredMessage: 'Enter your full name',
          autocomplete: 'name',
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
      next: [{ page: 'direction' }],
    },
    {
      id: 'direction',
      path: 'moving-in-or-out',
      kind: 'form',
      section: 'Who moved',
      title: 'Has someone moved in or out?',
      fields: [
        {
          name: 'direction',
          kind: 'radios',
          label: 'Has someone moved in or out?',
          errorName: 'If someone moved in or out',
          options: [
            { value: 'moved-in', label: 'Someone moved in' },
            { value: 'moved-out', label: 'Someone moved out' },
          ],
        },
      ],
      next: [{ page: 'other-person' }],
    },
    {
      id: 'other-person',
      path: 'who-moved',
      kind: 'form',
      title: 'Who moved?',
      fields: [
        {
          name: 'otherPersonName',
          kind: 'name',
          label: 'Their full name',
          requiredMessage: 'Enter their full name',
          person: 'The person who moved in or out',
        },
        {
          name: 'otherPersonDateOfBirth',
          kind: 'date',
          label: 'Their date of birth',
          hint: 'For example, 27 3 1990',
          errorName: 'Date of birth',
          requiredMessage: 'Enter their date of birth',
          dateRule: 'past',
        },
      ],
      next: [{ page: 'move-date' }],
    },
    {
      id: 'move-date',
      path: 'move-date',
      kind: 'form',
      title: 'When did they move, or when will they move?',
      fields: [
        {
          name: 'moveDate',
          kind: 'date',
          label: 'When did they move, or when will they move?',
          hint: 'This can be up to 3 months from today. For example, 1 9 2025',
          errorName: 'Moving date',
          requiredMessage: 'Enter the date they moved',
          dateRule: { upToMonthsAhead: 3 },
        },
      ],
      next: [{ page: 'adults-now' }],
    },
    {
      id: 'adults-now',
      path: 'adults-now',
      kind: 'form',
      section: 'Your home and benefits',
      title: 'How many adults live in your home now?',
      hint: 'Count everyone aged 18 or over, including you.',
      wording: {
        adviser: {
          title: "How many adults live in the resident's home now?",
          hint: 'Count everyone aged 18 or over, including the resident.',
          section: "The resident's home and benefits",
        },
      },
      fields: [
        {
          name: 'adultsNow',
          kind: 'radios',
          label: 'How many adults live in your home now?',
          wording: {
            adviser: {
              errorName: "How many adults live in the resident's home",
              label: "How many adults live in the resident's home now?",
            },
          },
          errorName: 'How many adults live in your home',
          options: [
            { value: 'one', label: 'Just me', wording: { adviser: { label: 'Just the resident' } } },
            { value: 'two-or-more', label: '2 or more' },
          ],
        },
      ],
      next: [{ page: 'home-and-benefits' }],
    },
    {
      id: 'home-and-benefits',
      path: 'your-home',
      kind: 'form',
      title: 'Your home and benefits',
      wording: { adviser: { title: "The resident's home and benefits" } },
      fields: [
        {
          name: 'socialTenant',
          kind: 'yes-no',
          label: 'Do you rent your home from the council or a housing association?',
          wording: {
            adviser: {
              errorName: 'If the resident rents from the council or a housing association',
              requiredMessage: 'Select yes if the resident rents their home from the council or a housing association',
              label: 'Does the resident rent their home from the council or a housing association?',
            },
          },
          errorName: 'If you rent from the council or a housing association',
          requiredMessage: 'Select yes if you rent your home from the council or a housing association',
        },
        {
          name: 'getsUniversalCredit',
          kind: 'yes-no',
          label: 'Do you get Universal Credit?',
          wording: {
            adviser: {
              errorName: 'If the resident gets Universal Credit',
              requiredMessage: 'Select yes if the resident gets Universal Credit',
              label: 'Does the resident get Universal Credit?',
            },
          },
          errorName: 'If you get Universal Credit',
          requiredMessage: 'Select yes if you get Universal Credit',
        },
        {
          name: 'nationalInsuranceNumber',
          kind: 'ni-number',
          label: 'Your National Insurance number',
          hint: "It's on your National Insurance card, benefit letter, payslip or P60. For example, JG 10 37 59 A",
          wording: {
            adviser: {
              requiredMessage: "Enter the resident's National Insurance number",
              label: 'Their National Insurance number',
              hint: "It's on their National Insurance card, benefit letter, payslip or P60. For example, JG 10 37 59 A",
            },
          },
          requiredMessage: 'Enter your National Insurance number',
          showWhen: { field: 'getsUniversalCredit', equals: 'yes' },
        },
      ],
      next: [{ page: 'contact' }],
    },
    contactPage('We will only use these to contact you about this change.'),
  ],
  routing: {
    council: {
      relevantWhen: 'always',
      required: true,
      fields: [...household, ...contact],
      purpose:
        'So the council can start or stop your Council Tax single person discount and update the electoral register.',
    },
    'housing-provider': {
      relevantWhen: { field: 'socialTenant', equals: 'yes' },
      fields: [...household, 'socialTenant', ...contact],
      purpose: 'So your landlord knows who lives in your home.',
    },
    jobcentre: {
      relevantWhen: { field: 'getsUniversalCredit', equals: 'yes' },
      fields: [...household, 'getsUniversalCredit', 'nationalInsuranceNumber', ...contact],
      purpose: 'So the Department for Work and Pensions can update your Universal Credit for the people in your home.',
    },
  },
};
