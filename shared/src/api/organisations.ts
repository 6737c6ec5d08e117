import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { postcodeSchema } from '../identifiers/postcode-schema.js';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * An official code: the GSS code of a council (E09000022), the NHS ODS code of a GP practice
 * (Y01234) or the Regulator of Social Housing number of a housing association (L4567, 4857).
 */
export const organisationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,12}$/, { error: 'Enter the official code in letters and numbers only, like E09000022' });

/** One area served: a GSS code of a council area, or a postcode district such as NB1. */
export const organisationAreaSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,12}$/, { error: 'Enter each area as a GSS code or a postcode district, like E09000022 or NB1' });

/** What an admin (or the import) says about an organisation. */
export const organisationInputSchema = z.strictObject({
  kind: agencyKindSchema,
  name: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(1, { error: 'Enter the organisation’s name' })
    .max(200, { error: 'The name must be 200 characters or fewer' }),
  code: z.preprocess(blankToUndefined, organisationCodeSchema.optional()),
  /** Where it serves. */
  areas: z.array(organisationAreaSchema).max(200).default([]),
  /** Where residents find it (GP practices and landlords are searched by name or postcode). */
  postcode: z.preprocess(blankToUndefined, postcodeSchema.optional()),
  /** The LOCAL_CUSTODIAN_CODE OS Places gives a council's addresses. */
  custodianCode: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, { error: 'Enter the local custodian code in numbers only, like 5900' })
      .optional(),
  ),
});

/** A parsed organisation input. */
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

/** An organisation in the directory. */
export const organisationSchema = organisationInputSchema.extend({
  id: z.uuid(),
  /** The kind's fallback organisation: told when no particular organisation of the kind is chosen. */
  fallback: z.boolean(),
  enabled: z.boolean(),
});

/** An organisation in the directory. */
export type Organisation = z.infer<typeof organisationSchema>;

/** An organisation a resident can pick from the directory: its id, name and where it is. */
export interface OrganisationChoice {
  id: string;
  name: string;
  postcode?: string;
}

/** An organisation field's search, as the page shows it: what was searched for and what was found. */
export interface OrganisationSearchState {
  /** The name or postcode searched for; empty before a search. */
  query: string;
  /** True once a search was made, so "no results" can be told apart from "not searched yet". */
  searched: boolean;
  /** What the search found, and the organisation already chosen (first) when there is one. */
  results: OrganisationChoice[];
}
