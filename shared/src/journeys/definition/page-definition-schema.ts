import { z } from 'zod';
import { conditionSchema } from './condition-schema.js';
import { fieldDefinitionSchema } from './field-definition-schema.js';

/** A page's words for an adviser running it for a resident, in English: "About the resident", not "About you". */
export const pageWordingSchema = z.strictObject({
  title: z.string().min(1).optional(),
  hint: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
});

/** Where a journey goes after its last question page. */
export const checkAnswersPage = 'check-answers';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The closed set of page kinds; each maps to one page component in the client. A `form` page
 * asks its fields and posts them back.
 */
export const pageKinds = ['form'] as const;

/** One possible next step; the first entry whose `when` holds (or that has none) is taken. */
export const nextStepSchema = z.strictObject({
  when: conditionSchema.optional(),
  /** A page id later in the journey, or `'check-answers'`. */
  page: z.string().min(1),
});

/** One possible next step of a page. */
export type NextStep = z.infer<typeof nextStepSchema>;

/** One page of a journey: one question, or a few closely related ones. */
export const pageDefinitionSchema = z.strictObject({
  id: z.string().regex(kebabCase, { error: 'Page ids must be kebab-case' }),
  /** URL slug, unique in the journey. */
  path: z.string().regex(kebabCase, { error: 'Page paths must be kebab-case' }),
  kind: z.enum(pageKinds),
  /** The question, shown as the page's h1. */
  title: z.string().min(1),
  hint: z.string().min(1).optional(),
  /**
   * Starts a section of the journey, named so ("The person who died", "About you"): "Check your
   * answers" groups answers under these headings. Later pages without one stay in the section.
   */
  section: z.string().min(1).optional(),
  /** The page as an adviser reads it while filling it in for a resident. */
  wording: z.strictObject({ adviser: pageWordingSchema }).partial().optional(),
  fields: z.array(fieldDefinitionSchema).min(1),
  next: z.union([z.literal(checkAnswersPage), z.array(nextStepSchema).min(1)]),
});

/** One page of a journey, as validated by {@link pageDefinitionSchema}. */
export type PageDefinition = z.infer<typeof pageDefinitionSchema>;
