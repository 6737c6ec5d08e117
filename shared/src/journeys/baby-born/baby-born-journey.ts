import { contactFieldNames, contactPage } from '../contact-page.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

const baby = ['babyFirstName', 'babyMiddleNames', 'babyLastName', 'babyDateOfBirth'];
const parents = ['parentName', 'otherParentName'];
const contact = [...contactFieldNames];
const dwpBenefits = {
  any: [
    { field: 'benefits', includes: 'universal-credit' },
    { field: 'benefits', includes: 'other-dwp-benefit' },
  ],
};

/** "A baby has been born": register them with a GP and update benefits and the tenancy. */
export const babyBornJourney: JourneyDefinition = {
  id: 'baby-born',
  title: 'A baby has been born',
  summary:
    'Tell your GP, the council, your landlord and Jobcentre Plus about a new baby in one go. You still need to register the birth separately.',
  pages: [
    {
      id: 'baby-name',
      path: 'baby-name',
      kind: 'form',
      section: 'The baby',
      title: "What is the baby's name?",
      hint: 'Use the name you have registered, or will register.',
      wording: { adviser: { hint: 'Use the name the resident has registered, or will register.' } },
      fields: [
        {
          name: 'babyFirstName',
          kind: 'name',
          label: 'First name',
          requiredMessage: "Enter the baby's first name",
          person: 'The baby',
        },
        {
          name: 'babyMiddleNames',
          kind: 'name',
          person: 'The baby',
          label: 'Middle names (if they have any)',
          errorName: 'Middle names',
          optional: true,
        },
        {
          name: 'babyLastName',
          kind: 'name',
          label: 'Last name',
          requiredMessage: "Enter the baby's last name",
          person: 'The baby',
        },
      ],
      next: [{ page: 'baby-date-of-birth' }],
    },
    {
      id: 'baby-date-of-birth',
      path: 'baby-date-of-birth',
      kind: 'form',
      title: 'When was the baby born?',
      fields: [
        {
          name: 'babyDateOfBirth',
          kind: 'date',
          label: 'When was the baby born?',
          hint: 'For example, 27 3 2025',
          errorName: 'Date of birth',
          requiredMessage: "Enter the baby's date of birth",
          dateRule: 'past',
        },
        {
          // Evidence (see verification/evidence.ts): never required.
          name: 'birthRegistered',
          kind: 'yes-no',
          label: 'Have you registered the birth? (optional)',
          hint: 'You have 42 days to register a birth in England and Wales.',
          wording: {
            adviser: {
              errorName: 'If the resident has registered the birth',
              label: 'Has the resident registered the birth? (optional)',
              hint: 'Parents have 42 days to register a birth in England and Wales.',
            },
          },
          errorName: 'If you have registered the birth',
          optional: true,
          evidence: 'birth-registration',
        },
      ],
      next: [{ page: 'baby-nhs-number' }],
    },
    {
      id: 'baby-nhs-number',
      path: 'baby-nhs-number',
      kind: 'form',
      title: "Do you know the baby's NHS number?",
      wording: { adviser: { title: "Does the resident know the baby's NHS number?" } },
      fields: [
        {
          name: 'babyNhsNumber',
          kind: 'nhs-number',
          label: "Baby's NHS number (optional)",
          hint: "It has 10 numbers and is in the baby's red book. Leave this blank if you do not have it yet.",
          wording: {
            adviser: {
              hint: "It has 10 numbers and is in the baby's red book. Leave this blank if the resident does not have it yet.",
            },
          },
          errorName: 'NHS number',
          optional: true,
        },
      ],
      next: [{ page: 'parents' }],
    },
    {
      id: 'parents',
      path: 'parents',
      kind: 'form',
      section: 'The parents',
      title: "The baby's parents",
      fields: [
        {
          name: 'parentName',
          kind: 'name',
          person: 'The parent reporting',
          label: 'Your full name',
          wording: {
            adviser: { requiredMessage: "Enter the resident's full name", label: "The resident's full name" },
            officer: { label: 'Name of the parent reporting' },
          },
          requiredMessage: 'Enter your full name',
          autocomplete: 'name',
        },
        {
          name: 'otherParentName',
          kind: 'name',
          person: 'The other parent',
          label: "The other parent's full name (optional)",
          errorName: "The other parent's name",
          optional: true,
        },
      ],
      next: [{ page: 'home-address' }],
    },
    {
      id: 'home-address',
      path: 'home-address',
      kind: 'form',
      section: 'Your home and benefits',
      title: 'Where does the baby live?',
      wording: { adviser: { section: "The resident's home and benefits" } },
      fields: [{ name: 'homeAddress', kind: 'address', label: 'Where does the baby live?', errorName: 'Home address' }],
      next: [{ page: 'home' }],
    },
    {
      id: 'home',
      path: 'your-home',
      kind: 'form',
      title: 'Do you rent your home from the council or a housing association?',
      wording: { adviser: { title: 'Does the resident rent their home from the council or a housing association?' } },
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
      ],
      next: [{ page: 'benefits' }],
    },
    {
      id: 'benefits',
      path: 'benefits',
      kind: 'form',
      title: 'Does anyone in your home get any of these?',
      hint: 'Select all that apply.',
      wording: { adviser: { title: "Does anyone in the resident's home get any of these?" } },
      fields: [
        {
          name: 'benefits',
          kind: 'checkboxes',
          label: 'Does anyone in your home get any of these?',
          wording: {
            adviser: {
              errorName: "The benefits the resident's household gets",
              requiredMessage: "Select the benefits the resident's household gets, or select 'None of these'",
              label: "Does anyone in the resident's home get any of these?",
            },
          },
          errorName: 'The benefits your household gets',
          requiredMessage: "Select the benefits your household gets, or select 'None of these'",
          options: [
            { value: 'universal-credit', label: 'Universal Credit' },
            {
              value: 'other-dwp-benefit',
              label: 'Another benefit from Jobcentre Plus',
              hint: "For example, Income Support or Jobseeker's Allowance",
            },
            { value: 'housing-benefit', label: 'Housing Benefit' },
            { value: 'council-tax-reduction', label: 'Council Tax Reduction' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
      ],
      next: [{ when: dwpBenefits, page: 'your-ni-number' }, { page: 'contact' }],
    },
    {
      id: 'your-ni-number',
      path: 'your-national-insurance-number',
      kind: 'form',
      title: 'Do you know your National Insurance number?',
      wording: { adviser: { title: 'Does the resident know their National Insurance number?' } },
      // Trial users without it to hand could not go on: Jobcentre Plus can find them without it.
      fields: [
        {
          name: 'knowsParentNiNumber',
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
          name: 'parentNiNumber',
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
          showWhen: { field: 'knowsParentNiNumber', equals: 'yes' },
        },
      ],
      next: [{ page: 'contact' }],
    },
    contactPage('We will only use these to contact you about your baby.'),
  ],
  routing: {
    council: {
      relevantWhen: {
        any: [
          { field: 'benefits', includes: 'housing-benefit' },
          { field: 'benefits', includes: 'council-tax-reduction' },
        ],
      },
      fields: [...baby, 'birthRegistered', ...parents, 'homeAddress', 'benefits', ...contact],
      purpose: 'So the council can update your Housing Benefit or Council Tax Reduction for a bigger household.',
    },
    'gp-practice': {
      relevantWhen: 'always',
      fields: [...baby, 'birthRegistered', 'babyNhsNumber', ...parents, 'homeAddress', ...contact],
      purpose: 'So your GP practice can register your baby and your health visitor can contact you.',
    },
    'housing-provider': {
      relevantWhen: { field: 'socialTenant', equals: 'yes' },
      fields: [...baby, 'birthRegistered', 'parentName', 'homeAddress', 'socialTenant', ...contact],
      purpose: 'So your landlord can add your baby to the people who live in your home.',
    },
    jobcentre: {
      relevantWhen: dwpBenefits,
      fields: [
        ...baby,
        'birthRegistered',
        ...parents,
        'knowsParentNiNumber',
        'parentNiNumber',
        'homeAddress',
        'benefits',
        ...contact,
      ],
      purpose:
        'So the Department for Work and Pensions can update your Universal Credit or other benefits for your baby.',
    },
  },
};
