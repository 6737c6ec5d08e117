import { getJourney, type LifeEventId, type SubmissionEnvelopeV1 } from '@tuo/shared';
import type { SearchQuery, SearchResponse } from '@tuo/shared/api/staff-submissions';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import type { ProtectedValues } from '../privacy/protected-values.js';

/** The people and places a submission names, as shown to staff. */
export interface SearchTerms {
  names: string[];
  postcodes: string[];
}

/**
 * Names and postcodes in a submission, found by field kind in its journey. Protected identifiers
 * (dates of birth, NHS and NI numbers) are searched by keyed hash instead: see ProtectedValues.
 */
export function searchTerms(envelope: Pick<SubmissionEnvelopeV1, 'lifeEvent' | 'answers'>): SearchTerms {
  const terms: SearchTerms = { names: [], postcodes: [] };
  for (const field of getJourney(envelope.lifeEvent).pages.flatMap((page) => page.fields)) {
    const answer = envelope.answers[field.name];
    if (answer === undefined) continue;
    if (field.kind === 'name' && typeof answer === 'string') terms.names.push(answer);
    else if (field.kind === 'postcode' && typeof answer === 'string') terms.postcodes.push(answer);
    else if (field.kind === 'address' && typeof answer === 'object' && !Array.isArray(answer))
      terms.postcodes.push(answer.postcode);
  }
  return terms;
}

/** Lower-case letters, digits and single spaces, without accents or punctuation, so "ZOË  obrien" finds "Zoë O'Brien". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Upper case letters and digits only, so "ls1 4" finds "LS1 4AP" and "7k3m9q" finds "TUO-7K3M-9Q2M". */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The search row of a new submission, as SQL for the submission's own statement: `from` supplies
 * the submission's id (e.g. `from s`), so the row exists exactly when the submission does.
 * `identifierHashes` are the keyed hashes of its protected identifiers.
 */
export function searchIndexInsert(
  envelope: SubmissionEnvelopeV1,
  identifierHashes: string[],
  from: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const terms = searchTerms(envelope);
  // Names are joined with a separator no query can contain, so a match never spans two people.
  return sql`insert into submission_search (submission_id, reference, names, postcodes, identifier_hashes)
    select s.id, ${normaliseCode(envelope.reference)}, ${terms.names.map(normaliseName).join(' | ')}, ${terms.postcodes.map(normaliseCode).join(' | ')},
      ${identifierHashes}::text[] ${from}`;
}

/** The search row's terms for a submission already stored (re-indexed after re-sealing). */
export function searchIndexValues(envelope: Pick<SubmissionEnvelopeV1, 'lifeEvent' | 'answers'>) {
  const terms = searchTerms(envelope);
  return {
    names: terms.names.map(normaliseName).join(' | '),
    postcodes: terms.postcodes.map(normaliseCode).join(' | '),
  };
}

/** `%text%` for LIKE. Normalised terms hold only letters, digits and spaces, so never a wildcard of LIKE's own. */
function containing(text: string): string {
  return `%${text}%`;
}

/**
 * Submissions matching every term given: partial and case-insensitive, newest first, at most 50.
 * Dates of birth, NHS and NI numbers match exactly, by keyed hash under every configured key.
 */
export async function searchSubmissions(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  query: SearchQuery,
): Promise<(SearchResponse['results'][number] & { id: string })[]> {
  let select = db
    .selectFrom('submission_search as ss')
    .innerJoin('submissions as s', 's.id', 'ss.submission_id')
    .select(['s.id', 's.reference', 's.life_event', 's.channel', 's.submitted_at', 's.envelope']);
  const terms = {
    reference: query.reference && normaliseCode(query.reference),
    name: query.name && normaliseName(query.name),
    postcode: query.postcode && normaliseCode(query.postcode),
  };
  // A term that is all punctuation would otherwise match everything.
  if (Object.values(terms).some((term) => term === '')) return [];
  if (terms.reference) select = select.where('ss.reference', 'like', containing(terms.reference));
  if (terms.name) select = select.where('ss.names', 'like', containing(terms.name));
  if (terms.postcode) select = select.where('ss.postcodes', 'like', containing(terms.postcode));
  const identifiers = [
    ['date-of-birth', query.dateOfBirth],
    ['nhs-number', query.nhsNumber],
    ['ni-number', query.niNumber],
  ] as const;
  for (const [kind, value] of identifiers) {
    if (value)
      select = select.where(sql<boolean>`ss.identifier_hashes && ${privacy.searchHashesFor(kind, value)}::text[]`);
  }
  const rows = await select.orderBy('s.submitted_at', 'desc').limit(50).execute();
  return rows.map((row) => {
    const terms = searchTerms(row.envelope as SubmissionEnvelopeV1);
    return {
      id: row.id,
      reference: row.reference,
      lifeEvent: row.life_event as LifeEventId,
      channel: row.channel,
      submittedAt: row.submitted_at.toISOString(),
      names: terms.names,
      postcodes: terms.postcodes,
    };
  });
}
