import type { PageDefinition } from './definition/page-definition-schema.js';

/** Field names of {@link contactPage}, for routing rules. */
export const contactFieldNames = ['contactMethods', 'email', 'phone'] as const;

/**
 * The "How can we contact you?" page most journeys end with: the resident picks email, phone or
 * both, and only the picked ones are asked (so at least one way to reach them is always given).
 */
export function contactPage(intro: string): PageDefinition {
  return {
    id: 'contact',
    path: 'contact-details',
    kind: 'form',
    section: 'How we contact you',
    title: 'How can we contact you?',
    hint: intro,
    wording: {
      adviser: {
        section: 'How we contact the resident',
        title: 'How can we contact the resident?',
        hint: 'We will only use these to contact the resident about this report.',
      },
    },
    fields: [
      {
        name: 'contactMethods',
        kind: 'checkboxes',
        label: 'How can we contact you?',
        hint: 'Select all that apply.',
        wording: {
          adviser: { errorName: 'How we can contact the resident', label: 'How can we contact the resident?' },
          officer: { label: 'How the person reporting may be contacted' },
        },
        errorName: 'How we can contact you',
        options: [
          { value: 'email', label: 'Email' },
          { value: 'phone', label: 'Phone' },
        ],
      },
      {
        name: 'email',
        kind: 'email',
        label: 'Email address',
        wording: {
          adviser: { requiredMessage: "Enter the resident's email address", label: "The resident's email address" },
          officer: { label: 'Email of the person reporting' },
        },
        requiredMessage: 'Enter your email address',
        autocomplete: 'email',
        showWhen: { field: 'contactMethods', includes: 'email' },
      },
      {
        name: 'phone',
        kind: 'phone',
        label: 'Phone number',
        wording: {
          adviser: { requiredMessage: "Enter the resident's phone number", label: "The resident's phone number" },
          officer: { label: 'Phone of the person reporting' },
        },
        hint: 'If it is not a UK number, add the country code, like +33.',
        requiredMessage: 'Enter your phone number',
        autocomplete: 'tel',
        showWhen: { field: 'contactMethods', includes: 'phone' },
      },
    ],
    next: 'check-answers',
  };
}
