import { dontKnowOrganisation, type FieldDefinition, type FieldError, type FormPageDefinition } from '@tuo/shared';
import type { OrganisationSearchState } from '@tuo/shared/api/organisations';
import { organisationSearchMessages } from '@tuo/shared/pages/organisation-search-messages';
import { inputName, type FormValues, type PostedForm } from '@tuo/shared/pages/form-values';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findChoice, searchOrganisations } from '../../organisations/search-organisations.js';

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

const organisationFields = (page: FormPageDefinition) =>
  page.fields.filter(
    (field): field is FieldDefinition & { organisationKind: NonNullable<FieldDefinition['organisationKind']> } =>
      field.kind === 'organisation' && field.organisationKind !== undefined,
  );

/**
 * What each organisation field on the page shows: the search typed (`{field}.search`) and what it
 * found, with the organisation already chosen first, and who "I don't know" tells.
 */
export async function organisationSearchStates(
  db: Kysely<Database>,
  page: FormPageDefinition,
  values: FormValues,
  posted: PostedForm = {},
): Promise<Record<string, OrganisationSearchState> | undefined> {
  const fields = organisationFields(page);
  if (fields.length === 0) return undefined;
  const states: Record<string, OrganisationSearchState> = {};
  for (const field of fields) {
    const query = first(posted[inputName(field, 'search')]).trim().slice(0, 100);
    const found = await searchOrganisations(db, field.organisationKind, query);
    const value = values[field.name];
    const chosen =
      typeof value === 'string' && value !== dontKnowOrganisation
        ? await findChoice(db, field.organisationKind, value)
        : undefined;
    states[field.name] = {
      query,
      searched: query !== '',
      results: chosen ? [chosen, ...found.filter((choice) => choice.id !== chosen.id)] : found,
    };
  }
  return states;
}

/**
 * The directory search without JavaScript: "Search" (`_action=find-organisation:{field}`) lists
 * what `{field}.search` finds, as radios. Undefined when the post is not a search, or when it is
 * Enter pressed with nothing to search and an organisation chosen (the resident meant Continue).
 */
export function organisationSearchErrors(page: FormPageDefinition, posted: PostedForm): FieldError[] | undefined {
  const match = /^find-organisation:(\w+)$/.exec(first(posted._action));
  const field = organisationFields(page).find((candidate) => candidate.name === match?.[1]);
  if (!field) return undefined;
  const typed = first(posted[inputName(field, 'search')]).trim();
  if (typed !== '') return [];
  if (first(posted[field.name]) !== '') return undefined;
  return [{ field: inputName(field, 'search'), message: organisationSearchMessages.searchMissing }];
}

/** Organisations chosen on the page that the directory does not offer (unknown, disabled, another kind). */
export async function unknownChoices(
  db: Kysely<Database>,
  page: FormPageDefinition,
  values: FormValues,
  requiredMessage: (field: FieldDefinition) => string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const field of organisationFields(page)) {
    const value = values[field.name];
    if (typeof value !== 'string' || value === '' || value === dontKnowOrganisation) continue;
    if (!(await findChoice(db, field.organisationKind, value)))
      errors.push({ field: field.name, message: requiredMessage(field) });
  }
  return errors;
}
