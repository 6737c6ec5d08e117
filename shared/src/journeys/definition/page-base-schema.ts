import { z } from 'zod';
import { conditionSchema } from './condition-schema.js';

/** Where a journey goes after its last question page. */
export const checkAnswersPage = 'check-answers';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One possible next step; the first entry whose `when` holds (or that has none) is taken. */
export const nextStepSchema = z.strictObject({
  when: conditionSchema.optional(),
  /** A page id later in the journey, or `'check-answers'`. */
  page: z.string().min(1),
});

/** One possible next step of a page. */
export type NextStep = z.infer<typeof nextStepSchema>;

/** A page's words for an adviser running it for a resident, in English: "About the resident", not "About you". */
export const pageWordingSchema = z.strictObject({
  title: z.string().min(1).optional(),
  hint: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
});

/**
 * What every page of a journey has, whatever its kind: each kind's schema (in `page-kinds/`)
 * spreads this shape and adds its `kind` and what that kind asks.
 */
export const pageBaseShape = {
  id: z.string().regex(kebabCase, { error: 'Page ids must be kebab-case' }),
  /** URL slug, unique in the journey. */
  path: z.string().regex(kebabCase, { error: 'Page paths must be kebab-case' }),
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
  next: z.union([z.literal(checkAnswersPage), z.array(nextStepSchema).min(1)]),
};
