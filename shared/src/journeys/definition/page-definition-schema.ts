import { z } from 'zod';
import { addAnotherPageSchema } from './page-kinds/add-another-page-schema.js';
import { formPageSchema } from './page-kinds/form-page-schema.js';

export { checkAnswersPage, nextStepSchema, type NextStep } from './page-base-schema.js';

/**
 * The page kinds, each with the schema of its definition. A kind is one entry here, one handler
 * in the server's `pageKindHandlers` and one view in the client's `pageKindViews`; both are
 * records over {@link PageKind}, so a kind missing either is a compile error (CONTRIBUTING.md,
 * "Adding a page kind").
 */
export const pageKindSchemas = {
  form: formPageSchema,
  'add-another': addAnotherPageSchema,
} as const;

/** One of the page kinds a journey definition may use. */
export type PageKind = keyof typeof pageKindSchemas;

/** The closed set of page kinds, in the order of {@link pageKindSchemas}. */
export const pageKinds = Object.keys(pageKindSchemas) as PageKind[];

/** One page of a journey, of one of the {@link pageKinds}: its `kind` picks the schema it must meet. */
export const pageDefinitionSchema = z.discriminatedUnion('kind', [
  pageKindSchemas.form,
  pageKindSchemas['add-another'],
]);

/** One page of a journey, as validated by {@link pageDefinitionSchema}. */
export type PageDefinition = z.infer<typeof pageDefinitionSchema>;

/** A page of one kind. */
export type PageOfKind<Kind extends PageKind> = Extract<PageDefinition, { kind: Kind }>;
