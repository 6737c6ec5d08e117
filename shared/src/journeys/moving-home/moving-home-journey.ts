import { contactFieldNames, contactPage } from '../contact-page.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

const you = ['fullName', 'dateOfBirth'];
const move = ['movingWith', 'peopleMoving', 'oldAddress', 'newAddress', 'moveDate'];
const contact = [...contactFieldNames];
const dwpBenefits = {
  any: ['universal-credit', 'state-pension', 'other-dwp-benefit'].map((value) => ({
    field: 'benefits',
    includes: value,
  })),
};

/** "Moving home": update council tax, the GP, the landlord and benefits with the new address. */
export const movingHomeJourney: JourneyDefinition = {
  id: 'moving-home',
  title: 'Moving home',
  summary: 'Tell the council, your GP, your landlord and Jobcentre Plus your new address in one go.',
  pages: [
    {
      id: 'your-details',
      path: 'your-details',
      kind: 'form',
      section: 'You and the people moving',
      title: 'About you',
      wording: { adviser: { title: 'About the resident', section: 'The resident and the people moving' } },
      fields: [
        {
          name: 'fullName',
          kind: 'name',
          person: 'The person moving',
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
      ],
      next: [{ page: 'who-is-moving' }],
    },
    {
      id: 'who-is-moving',
      path: 'who-is-moving',
      kind: 'form',
      title: 'Who is moving?',
      fields: [
        {
          name: 'movingWith',
          kind: 'radios',
          label: 'Who is moving?',
          errorName: 'Who is moving',
          options: [
            { value: 'just-me', label: 'Just me', wording: { adviser: { label: 'Just the resident' } } },
            {
              value: 'me-and-others',
              label: 'Me and other people in my home',
              wording: { adviser: { label: 'The resident and other people in their home' } },
            },
          ],
        },
      ],
      next: [
        { when: { field: 'movingWith', equals: 'me-and-others' }, page: 'people-moving' },
        { page: 'old-address' },
      ],
    },
    {
      id: 'people-moving',
      path: 'people-moving-with-you',
      kind: 'add-another',
      title: 'Who is moving with you?',
      hint: 'Give the full name and date of birth of each person moving with you, children too.',
      wording: {
        adviser: {
          title: 'Who is moving with the resident?',
          hint: 'Give the full name and date of birth of each person moving with the resident, children too.',
        },
      },
      fields: [
        {
          name: 'peopleMoving',
          kind: 'people',
          label: 'People moving with you',
          person: 'A person moving with them',
          wording: {
            adviser: { label: 'People moving with the resident' },
            officer: { label: 'Person moving with them' },
          },
        },
      ],
      next: [{ page: 'old-address' }],
    },
    {
      id: 'old-address',
      path: 'old-address',
      kind: 'form',
      section: 'Your move',
      title: 'What address are you moving from?',
      wording: { adviser: { title: 'What address is the resident moving from?', section: "The resident's move" } },
      fields: [
        {
          name: 'oldAddress',
          kind: 'address',
          label: 'What address are you moving from?',
          wording: { adviser: { label: 'What address is the resident moving from?' } },
          errorName: 'Old address',
        },
      ],
      next: [{ page: 'new-address' }],
    },
    {
      id: 'new-address',
      path: 'new-address',
      kind: 'form',
      title: 'What address are you moving to?',
      wording: { adviser: { title: 'What address is the resident moving to?' } },
      fields: [
        {
          name: 'newAddress',
          kind: 'address',
          label: 'What address are you moving to?',
          wording: { adviser: { label: 'What address is the resident moving to?' } },
          errorName: 'New address',
        },
      ],
      next: [{ page: 'move-date' }],
    },
    {
      id: 'move-date',
      path: 'move-date',
      kind: 'form',
      title: 'When do you move?',
      hint: 'This can be a date in the past, or up to 3 months from today.',
      wording: { adviser: { title: 'When does the resident move?' } },
      fields: [
        {
          name: 'moveDate',
          kind: 'date',
          label: 'When do you move?',
          hint: 'For example, 1 9 2025',
          wording: {
            adviser: { requiredMessage: 'Enter the date the resident moves', label: 'When does the resident move?' },
          },
          errorName: 'Moving date',
          requiredMessage: 'Enter the date you move',
          dateRule: { upToMonthsAhead: 3 },
        },
        {
          // Evidence (see verification/evidence.ts): never required.
          name: 'tenancyOrCompletionDate',
          kind: 'date',
          label: 'When does your tenancy start, or your purchase complete? (optional)',
          hint: 'It is on your tenancy agreement, or your solicitor can tell you. For example, 1 9 2025',
          wording: {
            adviser: {
              label: 'When does their tenancy start, or their purchase complete? (optional)',
              hint: 'It is on their tenancy agreement, or their solicitor can say. For example, 1 9 2025',
            },
          },
          errorName: 'Tenancy or purchase date',
          optional: true,
          dateRule: { upToMonthsAhead: 3 },
          evidence: 'tenancy-date',
        },
      ],
      next: [{ page: 'tenancy' }],
    },
    {
      id: 'tenancy',
      path: 'tenancy',
      kind: 'form',
      section: 'Your home and benefits',
      title: 'Are you leaving or moving into a council or housing association home?',
      hint: 'Select all that apply.',
      wording: {
        adviser: {
          title: 'Is the resident leaving or moving into a council or housing association home?',
          section: "The resident's home and benefits",
        },
      },
      fields: [
        {
          name: 'tenancyChanges',
          kind: 'checkboxes',
          label: 'Are you leaving or moving into a council or housing association home?',
          wording: {
            adviser: {
              errorName: 'If the resident is leaving or moving into a council or housing association home',
              requiredMessage:
                "Select if the resident is leaving or moving into a council or housing association home, or select 'Neither'",
              label: 'Is the resident leaving or moving into a council or housing association home?',
            },
          },
          errorName: 'If you are leaving or moving into a council or housing association home',
          requiredMessage:
            "Select if you are leaving or moving into a council or housing association home, or select 'Neither'",
          options: [
            {
              value: 'leaving-social-tenancy',
              label: 'I am leaving a council or housing association home',
              wording: { adviser: { label: 'They are leaving a council or housing association home' } },
            },
            {
              value: 'starting-social-tenancy',
              label: 'I am moving into a council or housing association home',
              wording: { adviser: { label: 'They are moving into a council or housing association home' } },
            },
            { value: 'neither', label: 'Neither', exclusive: true },
          ],
        },
      ],
      next: [{ page: 'council-tax' }],
    },
    {
      id: 'council-tax',
      path: 'council-tax',
      kind: 'form',
      title: 'Council Tax',
      fields: [
        {
          name: 'paysCouncilTax',
          kind: 'yes-no',
          label: 'Will you pay the Council Tax at your new address?',
          wording: {
            adviser: {
              errorName: 'If the resident will pay the Council Tax',
              requiredMessage: 'Select yes if the resident will pay the Council Tax at their new address',
              label: 'Will the resident pay the Council Tax at their new address?',
            },
          },
          errorName: 'If you will pay the Council Tax',
          requiredMessage: 'Select yes if you will pay the Council Tax at your new address',
        },
        {
          name: 'councilTaxAccount',
          kind: 'text',
          label: 'Council Tax account number at your old address (optional)',
          hint: 'It is on your Council Tax bill.',
          wording: {
            adviser: {
              label: 'Council Tax account number at their old address (optional)',
              hint: 'It is on their Council Tax bill.',
            },
          },
          errorName: 'Council Tax account number',
          optional: true,
        },
      ],
      next: [{ page: 'benefits' }],
    },
    {
      id: 'benefits',
      path: 'benefits',
      kind: 'form',
      title: 'Do you get any of these?',
      hint: 'Select all that apply.',
      wording: { adviser: { title: 'Does the resident get any of these?' } },
      fields: [
        {
          name: 'benefits',
          kind: 'checkboxes',
          label: 'Do you get any of these?',
          wording: {
            adviser: {
              errorName: 'The benefits the resident gets',
              requiredMessage: "Select the benefits the resident gets, or select 'None of these'",
              label: 'Does the resident get any of these?',
            },
          },
          errorName: 'The benefits you get',
          requiredMessage: "Select the benefits you get, or select 'None of these'",
          options: [
            { value: 'universal-credit', label: 'Universal Credit' },
            { value: 'state-pension', label: 'State Pension or Pension Credit' },
            {
              value: 'other-dwp-benefit',
              label: 'Another benefit from Jobcentre Plus',
              hint: 'For example, Employment and Support Allowance',
            },
            { value: 'housing-benefit', label: 'Housing Benefit' },
            { value: 'council-tax-reduction', label: 'Council Tax Reduction' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
      ],
      next: [{ when: dwpBenefits, page: 'your-ni-number' }, { page: 'gp' }],
    },
    {
      id: 'your-ni-number',
      path: 'your-national-insurance-number',
      kind: 'form',
      title: 'Do you know your National Insurance number?',
      wording: { adviser: { title: 'Does the resident know their National Insurance number?' } },
      // As when a baby is born: not having it to hand must not stop the move being told.
      fields: [
        {
          name: 'knowsNiNumber',
          kind: 'radios',
          label: 'Do you know your National Insurance number?',
          wording: {
            adviser: {
              errorName: 'If the resident knows their National Insurance number',
              requiredMessage: 'Select yes if the resident knows their National Insurance number',
              label: 'Does the resident know their National Insurance number?',
            },
          },
          errorName: 'If you know your National Insurance number',
          requiredMessage: 'Select yes if you know your National Insurance number',
          options: [
            { value: 'yes', label: 'Yes' },
            {
              value: 'no',
              label: 'No, I do not know it',
              hint: 'You can still go on. Jobcentre Plus may contact you to check who you are.',
              wording: {
                adviser: {
                  label: 'No, they do not know it',
                  hint: 'They can still go on. Jobcentre Plus may contact them to check who they are.',
                },
              },
            },
          ],
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
          errorName: 'National Insurance number',
          requiredMessage: 'Enter your National Insurance number',
          showWhen: { field: 'knowsNiNumber', equals: 'yes' },
        },
      ],
      next: [{ page: 'gp' }],
    },
    {
      id: 'gp',
      path: 'gp',
      kind: 'form',
      section: 'Your GP',
      title: 'Are you registered with a GP?',
      wording: { adviser: { title: 'Is the resident registered with a GP?', section: "The resident's GP" } },
      fields: [
        {
          name: 'registeredWithGp',
          kind: 'yes-no',
          label: 'Are you registered with a GP?',
          wording: {
            adviser: {
              errorName: 'If the resident is registered with a GP',
              requiredMessage: 'Select yes if the resident is registered with a GP',
              label: 'Is the resident registered with a GP?',
            },
          },
          errorName: 'If you are registered with a GP',
          requiredMessage: 'Select yes if you are registered with a GP',
        },
        {
          name: 'gpPractice',
          kind: 'text',
          label: 'Name of your GP practice',
          wording: {
            adviser: {
              requiredMessage: "Enter the name of the resident's GP practice",
              label: 'Name of their GP practice',
            },
          },
          requiredMessage: 'Enter the name of your GP practice',
          showWhen: { field: 'registeredWithGp', equals: 'yes' },
        },
        {
          name: 'nhsNumber',
          kind: 'nhs-number',
          label: 'NHS number (optional)',
          hint: 'It has 10 numbers. For example, 943 476 5919',
          errorName: 'NHS number',
          optional: true,
          showWhen: { field: 'registeredWithGp', equals: 'yes' },
        },
      ],
      next: [{ page: 'contact' }],
    },
    contactPage('We will only use these to contact you about your move.'),
  ],
  routing: {
    council: {
      relevantWhen: 'always',
      fields: [
        ...you,
        ...move,
        'tenancyOrCompletionDate',
        'paysCouncilTax',
        'councilTaxAccount',
        'benefits',
        ...contact,
      ],
      purpose:
        'So the council can update your Council Tax and the electoral register, and move any Housing Benefit or Council Tax Reduction.',
      // A move between councils: the old one closes the account (it needs the leaving date, the
      // forwarding address for the final bill and who stays behind), the new one opens one.
      split: {
        leaving: {
          address: 'oldAddress',
          fields: [...you, ...move, 'councilTaxAccount', 'benefits', ...contact],
          purpose:
            'So the council for your old address can close your Council Tax account and send your last bill to your new address. It can also stop any Housing Benefit or Council Tax Reduction, and take you off its list of voters.',
        },
        joining: {
          address: 'newAddress',
          fields: [...you, ...move, 'tenancyOrCompletionDate', 'paysCouncilTax', 'benefits', ...contact],
          purpose:
            'So the council for your new address can open your Council Tax account and add you to its list of voters. It can also help with any Housing Benefit or Council Tax Reduction there.',
        },
      },
    },
    'gp-practice': {
      relevantWhen: { field: 'registeredWithGp', equals: 'yes' },
      fields: [
        ...you,
        // The practice is told about each person moving with the resident, children too: each may be its patient.
        'movingWith',
        'peopleMoving',
        'oldAddress',
        'newAddress',
        'moveDate',
        'registeredWithGp',
        'gpPractice',
        'nhsNumber',
        ...contact,
      ],
      purpose: 'So your GP practice has your new address and can tell you if you need to register with a new GP.',
    },
    'housing-provider': {
      relevantWhen: {
        any: [
          { field: 'tenancyChanges', includes: 'leaving-social-tenancy' },
          { field: 'tenancyChanges', includes: 'starting-social-tenancy' },
        ],
      },
      fields: [...you, ...move, 'tenancyOrCompletionDate', 'tenancyChanges', ...contact],
      purpose: 'So your landlord can end your old tenancy or get your new one ready.',
    },
    jobcentre: {
      relevantWhen: dwpBenefits,
      fields: [...you, 'knowsNiNumber', 'nationalInsuranceNumber', ...move, 'benefits', ...contact],
      purpose: 'So the Department for Work and Pensions can pay your benefits or State Pension at your new address.',
    },
  },
};
