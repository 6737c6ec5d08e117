import { contactFieldNames, contactPage } from '../contact-page.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

const theirName = ['firstName', 'middleNames', 'lastName'];
const registration = ['deathRegistered', 'tellUsOnceReference', 'registrationDistrict', 'registrationDate'];
const you = ['reporterName', 'relationship', 'relationshipOther', 'reporterRoles', ...contactFieldNames];
const any = (field: string, values: readonly string[]): { any: { field: string; includes: string }[] } => ({
  any: values.map((value) => ({ field, includes: value })),
});

/** "Someone has died": tell the council, their GP, their landlord and Jobcentre Plus at once. */
export const someoneDiedJourney: JourneyDefinition = {
  id: 'someone-died',
  title: 'Someone has died',
  summary:
    'Tell the council, the NHS, their landlord and Jobcentre Plus about a death in one go, so you do not have to repeat it.',
  pages: [
    {
      id: 'their-name',
      path: 'their-name',
      kind: 'form',
      section: 'The person who died',
      title: 'What was their name?',
      hint: "We're sorry for your loss. We'll ask about the person who died first, then about you. It takes about 10 minutes.",
      wording: {
        adviser: {
          hint: 'Ask about the person who died first, then about the resident you are helping. It takes about 10 minutes.',
        },
      },
      fields: [
        {
          name: 'firstName',
          kind: 'name',
          label: 'First name',
          requiredMessage: 'Enter their first name',
          person: 'The person who died',
          wording: { officer: { label: 'First name of the person who died' } },
        },
        {
          name: 'middleNames',
          kind: 'name',
          person: 'The person who died',
          wording: { officer: { label: 'Middle names of the person who died' } },
          label: 'Middle names (if they had any)',
          errorName: 'Middle names',
          optional: true,
        },
        {
          name: 'lastName',
          kind: 'name',
          label: 'Last name',
          requiredMessage: 'Enter their last name',
          person: 'The person who died',
          wording: { officer: { label: 'Last name of the person who died' } },
        },
      ],
      next: [{ page: 'date-of-birth' }],
    },
    {
      id: 'date-of-birth',
      path: 'date-of-birth',
      kind: 'form',
      title: 'What was their date of birth?',
      fields: [
        {
          name: 'dateOfBirth',
          kind: 'date',
          label: 'What was their date of birth?',
          hint: 'For example, 27 3 1948',
          errorName: 'Date of birth',
          requiredMessage: 'Enter their date of birth',
          dateRule: 'past',
        },
      ],
      next: [{ page: 'date-of-death' }],
    },
    {
      id: 'date-of-death',
      path: 'date-of-death',
      kind: 'form',
      title: 'When did they die?',
      fields: [
        {
          name: 'dateOfDeath',
          kind: 'date',
          label: 'When did they die?',
          hint: 'This is on the death certificate. For example, 14 1 2025',
          errorName: 'Date of death',
          requiredMessage: 'Enter the date they died',
          dateRule: 'past',
          notBefore: {
            field: 'dateOfBirth',
            message: 'Date of death must be the same as or after their date of birth',
          },
        },
      ],
      next: [{ page: 'last-address' }],
    },
    {
      id: 'last-address',
      path: 'their-address',
      kind: 'form',
      title: 'What was their last address?',
      hint: 'This is where they lived, not where they died.',
      fields: [
        {
          name: 'lastAddress',
          kind: 'address',
          label: 'What was their last address?',
          errorName: 'Their last address',
        },
      ],
      next: [{ page: 'their-numbers' }],
    },
    {
      id: 'their-numbers',
      path: 'their-numbers',
      kind: 'form',
      title: 'Do you know their National Insurance number or NHS number?',
      hint: 'These help us find the right records. Leave them blank if you do not know them.',
      wording: {
        adviser: {
          title: 'Does the resident know their National Insurance number or NHS number?',
          hint: 'These help us find the right records. Leave them blank if the resident does not know them.',
        },
      },
      fields: [
        {
          name: 'nationalInsuranceNumber',
          kind: 'ni-number',
          label: 'National Insurance number (optional)',
          hint: "It's on letters about tax, pensions and benefits. For example, JG 10 37 59 A",
          errorName: 'National Insurance number',
          optional: true,
        },
        {
          name: 'nhsNumber',
          kind: 'nhs-number',
          label: 'NHS number (optional)',
          hint: 'It has 10 numbers and is on letters from the NHS. For example, 943 476 5919',
          errorName: 'NHS number',
          optional: true,
        },
      ],
      next: [{ page: 'their-gp-practice' }],
    },
    {
      id: 'their-gp-practice',
      path: 'their-gp-practice',
      kind: 'form',
      title: 'Which GP practice were they registered with?',
      fields: [
        {
          name: 'gpPractice',
          kind: 'organisation',
          organisationKind: 'gp-practice',
          label: 'Which GP practice were they registered with?',
          hint: 'Search by the practice name or its postcode, then select it.',
          errorName: 'Their GP practice',
          requiredMessage: "Select their GP practice, or select 'I don't know'",
          optional: true,
        },
      ],
      next: [{ page: 'marital-status' }],
    },
    {
      id: 'marital-status',
      path: 'marital-status',
      kind: 'form',
      title: 'What was their marital status?',
      fields: [
        {
          name: 'maritalStatus',
          kind: 'radios',
          label: 'What was their marital status?',
          errorName: 'Their marital status',
          options: [
            { value: 'married', label: 'Married or in a civil partnership' },
            { value: 'widowed', label: 'Widowed or a surviving civil partner' },
            { value: 'divorced', label: 'Divorced or their civil partnership was dissolved' },
            { value: 'separated', label: 'Separated' },
            { value: 'single', label: 'Never married or in a civil partnership' },
          ],
        },
      ],
      next: [{ page: 'services' }],
    },
    {
      id: 'services',
      path: 'services',
      kind: 'form',
      title: 'Which of these did they have or use?',
      hint: "Select all that apply. We'll only tell the services that need to know.",
      fields: [
        {
          name: 'services',
          kind: 'checkboxes',
          label: 'Which of these did they have or use?',
          errorName: 'The services they had',
          requiredMessage: "Select the services they had, or select 'None of these'",
          options: [
            { value: 'council-tax', label: 'Council Tax', hint: 'They paid it, or it was in their name' },
            { value: 'housing-benefit-or-council-tax-reduction', label: 'Housing Benefit or Council Tax Reduction' },
            { value: 'blue-badge', label: 'Blue Badge for parking' },
            { value: 'bus-pass', label: 'Free bus pass' },
            { value: 'library', label: 'Library card' },
            {
              value: 'adult-social-care',
              label: 'Help from adult social care',
              hint: 'For example, home care or a care home place paid by the council',
            },
            { value: 'electoral-register', label: 'On the electoral register', hint: 'They could vote' },
            { value: 'social-housing-tenancy', label: 'Rented their home from the council or a housing association' },
            {
              value: 'benefits-or-state-pension',
              label: 'Benefits or State Pension',
              hint: 'For example, Universal Credit, Pension Credit or Attendance Allowance',
            },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
      ],
      next: [
        { when: any('services', ['council-tax', 'social-housing-tenancy']), page: 'their-home' },
        { page: 'registration' },
      ],
    },
    {
      id: 'their-home',
      path: 'their-home',
      kind: 'form',
      title: 'Does anyone still live in their home?',
      hint: 'This helps the council and the landlord know what to do about the home.',
      fields: [
        {
          name: 'othersLiveAtAddress',
          kind: 'yes-no',
          label: 'Does anyone still live in their home?',
          errorName: 'If anyone still lives there',
          requiredMessage: 'Select yes if anyone still lives in their home',
        },
        {
          name: 'landlord',
          kind: 'organisation',
          organisationKind: 'housing-provider',
          label: 'Who was their landlord?',
          hint: 'Search by the name of the council or housing association, or its postcode, then select it.',
          errorName: 'Their landlord',
          requiredMessage: "Select their landlord, or select 'I don't know'",
          optional: true,
          showWhen: { field: 'services', includes: 'social-housing-tenancy' },
        },
      ],
      next: [{ page: 'registration' }],
    },
    {
      // Evidence (see verification/evidence.ts): never required, it helps the services act sooner.
      id: 'registration',
      path: 'registration',
      kind: 'form',
      title: 'Has the death been registered?',
      hint: 'This helps the services act sooner. You can leave it out if you do not know.',
      wording: { adviser: { hint: 'This helps the services act sooner. Leave it out if the resident does not know.' } },
      fields: [
        {
          name: 'deathRegistered',
          kind: 'radios',
          label: 'Has the death been registered?',
          errorName: 'If the death has been registered',
          optional: true,
          options: [
            {
              value: 'yes-with-reference',
              label: 'Yes, and the registrar gave me a Tell Us Once reference number',
              wording: { adviser: { label: 'Yes, and the registrar gave them a Tell Us Once reference number' } },
            },
            { value: 'yes', label: 'Yes', evidence: 'death-registration' },
            {
              value: 'coroner-interim-certificate',
              label: 'A coroner gave an interim certificate',
              hint: 'A coroner gives this when there is an inquest',
              evidence: 'coroner-certificate',
            },
            {
              value: 'not-yet',
              label: 'Not yet, or I do not know',
              wording: { adviser: { label: 'Not yet, or the resident does not know' } },
            },
          ],
        },
        {
          name: 'tellUsOnceReference',
          kind: 'text',
          label: 'Tell Us Once reference number',
          hint: 'The registrar gave you this number. It works for 28 days after they give it.',
          wording: {
            adviser: { hint: 'The registrar gave the resident this number. It works for 28 days after it is given.' },
          },
          requiredMessage: 'Enter the Tell Us Once reference number',
          showWhen: { field: 'deathRegistered', equals: 'yes-with-reference' },
          evidence: 'registrar-reference',
        },
        {
          name: 'registrationDistrict',
          kind: 'text',
          label: 'Where was the death registered?',
          hint: 'For example, Leeds register office',
          errorName: 'Where the death was registered',
          requiredMessage: 'Enter where the death was registered',
          showWhen: { field: 'deathRegistered', equals: 'yes' },
        },
        {
          name: 'registrationDate',
          kind: 'date',
          label: 'When was the death registered?',
          hint: 'For example, 20 1 2025',
          errorName: 'Date the death was registered',
          requiredMessage: 'Enter the date the death was registered',
          dateRule: 'past',
          notBefore: {
            field: 'dateOfDeath',
            message: 'The date the death was registered must be the same as or after the date they died',
          },
          showWhen: { field: 'deathRegistered', equals: 'yes' },
        },
      ],
      next: [{ page: 'about-you' }],
    },
    {
      id: 'about-you',
      path: 'about-you',
      kind: 'form',
      section: 'About you',
      title: 'About you',
      hint: 'The services may need to contact you about what happens next.',
      wording: {
        adviser: {
          section: 'The resident you are helping',
          title: 'About the resident',
          hint: 'The services may need to contact the resident about what happens next.',
        },
      },
      fields: [
        {
          name: 'reporterName',
          kind: 'name',
          person: 'The person reporting',
          label: 'Your full name',
          requiredMessage: 'Enter your full name',
          autocomplete: 'name',
          wording: {
            adviser: { requiredMessage: "Enter the resident's full name", label: "The resident's full name" },
            officer: { label: 'Name of the person reporting' },
          },
        },
        {
          name: 'relationship',
          kind: 'radios',
          label: 'How did you know them?',
          errorName: 'How you knew them',
          wording: {
            adviser: { errorName: 'How the resident knew them', label: 'How did the resident know them?' },
            officer: { label: 'How the person reporting knew them' },
          },
          options: [
            { value: 'spouse-or-partner', label: 'Husband, wife, civil partner or partner' },
            { value: 'child', label: 'Son or daughter' },
            { value: 'parent', label: 'Parent' },
            { value: 'sibling', label: 'Brother or sister' },
            { value: 'other-relative', label: 'Another relative' },
            { value: 'friend', label: 'Friend or neighbour' },
            { value: 'other', label: 'Something else', hint: 'For example, a solicitor or care worker' },
          ],
        },
        {
          name: 'relationshipOther',
          kind: 'text',
          label: 'How did you know them?',
          errorName: 'How you knew them',
          requiredMessage: 'Enter how you knew them',
          wording: {
            adviser: {
              errorName: 'How the resident knew them',
              requiredMessage: 'Enter how the resident knew them',
              label: 'How did the resident know them?',
            },
            officer: { label: 'How the person reporting knew them, in their words' },
          },
          showWhen: { field: 'relationship', equals: 'other' },
        },
        {
          name: 'reporterRoles',
          kind: 'checkboxes',
          label: 'Are you their executor or next of kin?',
          hint: 'An executor deals with the money, property and belongings of the person who died. Select all that apply.',
          errorName: 'If you are their executor or next of kin',
          wording: {
            adviser: {
              errorName: 'If the resident is their executor or next of kin',
              requiredMessage: "Select if the resident is their executor or next of kin, or select 'Neither'",
              label: 'Is the resident their executor or next of kin?',
            },
            officer: { label: 'Executor or next of kin' },
          },
          requiredMessage: "Select if you are their executor or next of kin, or select 'Neither'",
          options: [
            {
              value: 'executor',
              label: 'I am their executor or administrator',
              hint: 'An administrator does this job when there is no will.',
              wording: { adviser: { label: 'The resident is their executor or administrator' } },
            },
            {
              value: 'next-of-kin',
              label: 'I am their next of kin',
              wording: { adviser: { label: 'The resident is their next of kin' } },
            },
            { value: 'neither', label: 'Neither', exclusive: true },
          ],
        },
      ],
      next: [{ page: 'contact' }],
    },
    contactPage('We will only use these to contact you about this death.'),
  ],
  routing: {
    council: {
      relevantWhen: 'always',
      fields: [
        ...theirName,
        'dateOfBirth',
        'dateOfDeath',
        'lastAddress',
        'services',
        'othersLiveAtAddress',
        ...registration,
        ...you,
      ],
      purpose:
        'So the council can update Council Tax and the electoral register, and stop things like housing benefit, a Blue Badge, bus pass, library card or social care.',
      agencyName: 'Their local council',
    },
    'gp-practice': {
      relevantWhen: 'always',
      fields: [...theirName, 'dateOfBirth', 'dateOfDeath', 'lastAddress', 'nhsNumber', ...registration],
      purpose: 'So their GP practice can close their record and stop appointments, prescriptions and NHS letters.',
      agencyName: 'Their GP and the NHS',
    },
    'housing-provider': {
      relevantWhen: { field: 'services', includes: 'social-housing-tenancy' },
      fields: [
        ...theirName,
        'dateOfBirth',
        'dateOfDeath',
        'lastAddress',
        'othersLiveAtAddress',
        ...registration,
        ...you,
      ],
      purpose:
        'So their landlord can talk to you about ending the tenancy or passing it on. They can also help with their belongings.',
      agencyName: 'Their housing association or council landlord',
    },
    jobcentre: {
      relevantWhen: { field: 'services', includes: 'benefits-or-state-pension' },
      fields: [
        ...theirName,
        'dateOfBirth',
        'dateOfDeath',
        'lastAddress',
        'nationalInsuranceNumber',
        'maritalStatus',
        ...registration,
        ...you,
      ],
      purpose:
        'So the Department for Work and Pensions can stop their benefits or State Pension and check if you can get bereavement support.',
    },
  },
};
