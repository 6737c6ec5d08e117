import { getJourney, isPeopleAnswer, type SubmissionEnvelopeV1 } from '@tuo/shared';
import type { SearchQuery, SearchResponse } from '@tuo/shared/api/staff-submissions';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ProtectedValues } from '../privacy/protected-values.js';

/** One person a submission names, with whom they are in it ("The person who died"). */
export interface NamedPerson {
  name: string;
  role: string;
}

/** The people and places a submission names, as shown to staff. */
export interface SearchTerms {
  people: NamedPerson[];
  postcodes: string[];
}

/**
 * People and postcodes in a submission, found by field kind in its journey. Name fields naming
 * the same `person` make one full name ("Margaret Rose Evans"); a name field without one is a
 * person of its own, named by its label; so is each person of a people field, in the field's role.
 * Protected identifiers (dates of birth, NHS and NI numbers)
 * are searched by keyed hash instead: see ProtectedValues.
 */
export function searchTerms(envelope: Pick<SubmissionEnvelopeV1, 'lifeEvent' | 'answers'>): SearchTerms {
  const people = new Map<string, string[]>();
  const listed: NamedPerson[] = [];
  const postcodes: string[] = [];
  for (const field of getJourney(envelope.lifeEvent).pages.flatMap((page) => page.fields)) {
    const answer = envelope.answers[field.name];
    if (answer === undefined) continue;
    if (field.kind === 'name' && typeof answer === 'string' && answer.trim() !== '') {
      const role = field.person ?? field.label;
      people.set(role, [...(people.get(role) ?? []), answer.trim()]);
    } else if (field.kind === 'people' && isPeopleAnswer(answer)) {
      for (const person of answer) listed.push({ name: person.fullName, role: field.person ?? field.label });
    } else if (field.kind === 'postcode' && typeof answer === 'string') postcodes.push(answer);
    else if (field.kind === 'address' && typeof answer === 'object' && !Array.isArray(answer))
      postcodes.push(answer.postcode);
  }
  return { people: [...[...people].map(([role, parts]) => ({ name: parts.join(' '), role })), ...listed], postcodes };
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

/** The search row's terms for a submission already stored (re-indexed after re-sealing). */
export function searchIndexValues(envelope: Pick<SubmissionEnvelopeV1, 'lifeEvent' | 'answers'>) {
  const terms = searchTerms(envelope);
  // One full name a person, joined with a separator no query can contain, so a match never spans two people.
  return {
    names: terms.people.map((person) => normaliseName(person.name)).join(' | '),
    postcodes: terms.postcodes.map(normaliseCode).join(' | '),
  };
}

/** `%text%` for LIKE. Normalised terms hold only letters, digits and spaces, so never a wildcard of LIKE's own. */
function containing(text: string): string {
  return `%${text}%`;
}

/**
 * A regular expression matching a names column in which one person's full name contains every
 * word of the query, in any order ("evans margaret" finds "margaret rose evans", never "margaret
 * jones | rhys evans"). Normalised words hold only letters, digits and spaces: nothing special to
 * a regular expression.
 */
export function onePersonNamed(name: string): string {
  const words = name.split(' ').filter((word) => word !== '');
  return `(^|\\|)${words.map((word) => `(?=[^|]*${word})`).join('')}`;
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
  if (terms.name) {
    // Each word by LIKE (which the trigram index serves), then all of them in one person's name.
    for (const word of terms.name.split(' ')) select = select.where('ss.names', 'like', containing(word));
    select = select.where(sql<boolean>`ss.names ~ ${onePersonNamed(terms.name)}`);
  }
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
      lifeEvent: row.life_event,
      channel: row.channel,
      submittedAt: row.submitted_at.toISOString(),
      people: terms.people,
      postcodes: terms.postcodes,
    };
  });
}
