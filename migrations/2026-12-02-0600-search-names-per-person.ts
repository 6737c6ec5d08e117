import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Staff search now keeps one full name per person ("margaret rose evans | rhys evans"), so a
// search for "Margaret Evans" matches; rows written before kept one name field per entry. This
// rebuilds them from the stored answers, with the journeys' name fields as they were when it was
// written (a migration never reads app code, which may change after it).
const people: Record<string, string[][]> = {
  'someone-died': [['firstName', 'middleNames', 'lastName'], ['reporterName']],
  'baby-born': [['babyFirstName', 'babyMiddleNames', 'babyLastName'], ['parentName'], ['otherParentName']],
  'change-in-work-or-income': [['fullName']],
  'moving-home': [['fullName']],
  'someone-moving-in-or-out': [['fullName'], ['otherPersonName']],
};

// The app's normaliseName as of this migration: no accents or punctuation, single spaces, lower case.
const normalised = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

function names(lifeEvent: string, answers: Record<string, unknown>): string {
  return (people[lifeEvent] ?? [])
    .map((fields) =>
      fields
        .map((field) => answers[field])
        .filter((answer): answer is string => typeof answer === 'string' && answer.trim() !== '')
        .join(' '),
    )
    .filter((name) => name !== '')
    .map(normalised)
    .join(' | ');
}

export async function up(db: Kysely<any>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('submission_search as ss')
      .innerJoin('submissions as s', 's.id', 'ss.submission_id')
      .select(['ss.submission_id as id', 's.life_event as lifeEvent', sql`s.envelope -> 'answers'`.as('answers')])
      .where('ss.names', '<>', '')
      .where('ss.submission_id', '>', after)
      .orderBy('ss.submission_id')
      .limit(500)
      .execute();
    for (const row of rows as { id: string; lifeEvent: string; answers: Record<string, unknown> | null }[]) {
      await db
        .updateTable('submission_search')
        .set({ names: names(row.lifeEvent, row.answers ?? {}) })
        .where('submission_id', '=', row.id)
        .execute();
    }
    const last = rows.at(-1) as { id: string } | undefined;
    if (!last) return;
    after = last.id;
  }
}

// Going back leaves the per-person names: the older search still finds each single word in them.
export function down(): Promise<void> {
  return Promise.resolve();
}
