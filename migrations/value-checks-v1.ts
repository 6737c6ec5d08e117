import { sql, type Kysely, type RawBuilder } from 'kysely';

// Frozen, like the migrations that import it: a change of behaviour is a value-checks-v2 beside it.
// The steps of a value-list check migration (written by `npm run db:column-checks`): each column
// may hold only the values listed (each element, for an array column), its check named
// `<table>_<column>_values`; the value-list check it had before, if any, is replaced, and put back
// on the way down. Rows holding anything else stop the migration, naming the column and the values
// (they are kinds, statuses and roles, never personal data): migrate them deliberately in a
// migration before, never by deleting.

/** One column's values after the migration, and the check it had before (null: none). */
export interface ValueCheck {
  table: string;
  column: string;
  values: readonly string[];
  array: boolean;
  before: { name: string; values: readonly string[] } | null;
}

const nameOf = (check: ValueCheck) => `${check.table}_${check.column}_values`;

function condition(check: ValueCheck, values: readonly string[]): RawBuilder<unknown> {
  const column = sql.ref(check.column);
  const list = sql.join(values.map((value) => sql.lit(value)));
  return check.array ? sql`${column} <@ array[${list}]::text[]` : sql`${column} in (${list})`;
}

async function refuseStragglers(db: Kysely<any>, check: ValueCheck): Promise<void> {
  const table = sql.table(check.table);
  const column = sql.ref(check.column);
  const found = check.array
    ? sql<{ value: string }>`select distinct v as value from ${table}, unnest(${column}) as v
        where not (v = any(${check.values}::text[]))`
    : sql<{ value: string }>`select distinct ${column}::text as value from ${table}
        where ${column} is not null and not (${column}::text = any(${check.values}::text[]))`;
  const stragglers = (await found.execute(db)).rows.map((row) => row.value);
  if (stragglers.length > 0)
    throw new Error(
      `${check.table}.${check.column} holds ${stragglers.join(', ')}, not one of ${check.values.join(', ')}: migrate those rows first`,
    );
}

/** Checks each column against its values, after refusing any row that holds another. */
export async function addValueChecks(db: Kysely<any>, checks: readonly ValueCheck[]): Promise<void> {
  for (const check of checks) await refuseStragglers(db, check);
  for (const check of checks) {
    const table = sql.table(check.table);
    if (check.before) await sql`alter table ${table} drop constraint ${sql.id(check.before.name)}`.execute(db);
    await sql`alter table ${table} add constraint ${sql.id(nameOf(check))} check (${condition(check, check.values)})`.execute(
      db,
    );
  }
}

/** Puts back the checks the columns had before. */
export async function restoreValueChecks(db: Kysely<any>, checks: readonly ValueCheck[]): Promise<void> {
  for (const check of checks) {
    const table = sql.table(check.table);
    await sql`alter table ${table} drop constraint ${sql.id(nameOf(check))}`.execute(db);
    if (check.before)
      await sql`alter table ${table} add constraint ${sql.id(check.before.name)} check (${condition(check, check.before.values)})`.execute(
        db,
      );
  }
}
