import { z } from 'zod';
import { agencyKindSchema } from '../../agencies/agency-kinds.js';
import { evidenceKinds } from '../../verification/evidence.js';
import { conditionSchema } from './condition-schema.js';

/**
 * The closed set of field kinds. Each maps to one input component in the client and one
 * validator in the engine, so a new journey needs no new code as long as it uses these.
 */
export const fieldKinds = [
  'text',
  'textarea',
  'name',
  'date',
  'radios',
  'checkboxes',
  'yes-no',
  'nhs-number',
  'ni-number',
  'postcode',
  'address',
  'email',
  'phone',
  'organisation',
  'people',
] as const;

/** One of {@link fieldKinds}. */
export type FieldKind = (typeof fieldKinds)[number];

/** Field kinds whose answers are one of a list of options. */
export const choiceFieldKinds: readonly FieldKind[] = ['radios', 'checkboxes'];

/** Values of autocomplete tokens a field may carry (WCAG 1.3.5: the resident's own details). */
export const autocompleteTokens = [
  'name',
  'given-name',
  'additional-name',
  'family-name',
  'bday',
  'email',
  'tel',
  'street-address',
  'postal-code',
] as const;

/** A choice in a radios or checkboxes field. */
export const optionDefinitionSchema = z.strictObject({
  /** Stable kebab-case value stored in answers and sent to agencies. */
  value: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Option values must be kebab-case' }),
  label: z.string().min(1),
  hint: z.string().min(1).optional(),
  /** Checkboxes only: the "None of these" option, which cannot be selected with any other. */
  exclusive: z.literal(true).optional(),
  /** Choosing this option is evidence of this kind (e.g. "a coroner gave an interim certificate"). */
  evidence: z.enum(evidenceKinds).optional(),
  /**
   * The option as an adviser reads it ("They are the executor", not "I am their executor"), in
   * English; its hint too ("Jobcentre Plus may contact them"). What is not given is the resident's.
   */
  wording: z
    .strictObject({
      adviser: z.strictObject({ label: z.string().min(1).optional(), hint: z.string().min(1).optional() }),
    })
    .optional(),
});

/** A choice in a radios or checkboxes field. */
export type OptionDefinition = z.infer<typeof optionDefinitionSchema>;

/**
 * What a date may be, relative to today: `'past'` (today or earlier) or
 * `{ upToMonthsAhead: n }` (from 1900 up to n months from today).
 */
export const dateRuleSchema = z.union([z.literal('past'), z.strictObject({ upToMonthsAhead: z.int().min(1).max(24) })]);

/**
 * A date that cannot be earlier than another date answered before it (a death not before the
 * birth), with the message shown on this field when it is.
 */
export const notBeforeSchema = z.strictObject({
  /** The earlier date field, asked before this one. */
  field: z.string().min(1),
  message: z.string().min(1),
});

/**
 * Who else reads a journey besides the resident: an adviser filling it in for a resident
 * (assisted), and an organisation's officer reading the answers sent to them.
 */
export const audiences = ['adviser', 'officer'] as const;

/** One of {@link audiences}. */
export type Audience = (typeof audiences)[number];

/**
 * A field's words for one audience, in English (staff and officers work in English): for an
 * adviser, "The resident's full name" rather than "Your full name"; for an officer, "Full name of
 * the person reporting". What is not given falls back to the resident's wording. An adviser's error
 * messages are worded from its `errorName` and `requiredMessage` ("Enter the resident's full name").
 */
export const fieldWordingSchema = z.strictObject({
  label: z.string().min(1).optional(),
  hint: z.string().min(1).optional(),
  /** Starts the adviser's error messages; defaults to the resident's error name, else the adviser's label. */
  errorName: z.string().min(1).optional(),
  requiredMessage: z.string().min(1).optional(),
});

/** One question on a page. */
export const fieldDefinitionSchema = z.strictObject({
  /** camelCase key in answers and payloads; unique across the journey. */
  name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { error: 'Field names must be camelCase' }),
  kind: z.enum(fieldKinds),
  /** Visible label or legend. */
  label: z.string().min(1),
  hint: z.string().min(1).optional(),
  /** Noun phrase that starts error messages ("Date of death"); defaults to the label. */
  errorName: z.string().min(1).optional(),
  /** Message when a required field is left empty; defaults to "Enter …" or "Select …" and the error name. */
  requiredMessage: z.string().min(1).optional(),
  /** True when the resident may leave it empty. */
  optional: z.boolean().optional(),
  /** Choices of a radios or checkboxes field; yes-no fields have "yes" and "no" built in. */
  options: z.array(optionDefinitionSchema).min(2).optional(),
  /** Required on date fields. */
  dateRule: dateRuleSchema.optional(),
  /** Date fields only: this date may not be earlier than another date field's answer. */
  notBefore: notBeforeSchema.optional(),
  /** Conditional reveal: the field is only asked, and only required, when this holds. */
  showWhen: conditionSchema.optional(),
  autocomplete: z.enum(autocompleteTokens).optional(),
  /**
   * Organisation fields only: the kind of organisation chosen from the directory (the resident's
   * GP practice, their landlord). The answer is the organisation's id, or `dont-know`; it routes
   * that kind's notification and is never sent to anyone itself.
   */
  organisationKind: agencyKindSchema.optional(),
  /**
   * Answering this field is evidence of this kind (a yes-no field: answering "yes"); it counts in
   * `verification.checks` by the rule in `verification/evidence.ts`. Text, date and yes-no fields only.
   */
  evidence: z.enum(evidenceKinds).optional(),
  /**
   * Name and people fields only: whom the name belongs to, as staff call them ("The person who died", "The
   * person reporting"). Name fields naming the same person make one full name, in field order, so
   * staff can search for "Margaret Evans" and see each person with their role. Each person
   * of a people field is a person of their own, in this role ("A person moving with them").
   */
  person: z.string().min(1).max(60).optional(),
  /** The field as another audience reads it (see {@link audiences}). */
  wording: z.partialRecord(z.enum(audiences), fieldWordingSchema).optional(),
});

/** One question on a page, as validated by {@link fieldDefinitionSchema}. */
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;
