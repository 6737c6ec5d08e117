import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// The four agencies become four kinds of organisation, with the kind ids `council`, `gp-practice`
// (was `nhs`), `housing-provider` (was `housing`) and `jobcentre`. Rewrites every stored id: the
// agency columns, the consent records of submitted envelopes, and the "who to tell" choices kept in
// resident and staff sessions and saved forms. No other meaning changes. The audit log is append-only
// (for migrations too): its entries keep the ids as they were when the thing was done.
const renames: readonly (readonly [string, string])[] = [
  ['nhs', 'gp-practice'],
  ['housing', 'housing-provider'],
];

const agencyColumns = ['deliveries', 'agency_api_keys', 'staff_users', 'agency_webhook_secrets'] as const;

async function rewrite(db: Kysely<any>, pairs: readonly (readonly [string, string])[]): Promise<void> {
  const cases = sql.join(
    pairs.map(([from, to]) => sql`when ${sql.lit(from)} then ${sql.lit(to)}`),
    sql` `,
  );
  const olds = pairs.map(([from]) => from);
  // One id, and (recursively) a JSON document: a string under an `agency` key, and the strings of an
  // array under `offered`, `chosen`, `agencies` or `consent` (the shapes the code writes), are ids.
  await sql`create function pg_temp.tuo_kind(id text) returns text language sql immutable
    as $$ select case id ${cases} else id end $$`.execute(db);
  await sql`create function pg_temp.tuo_kinds(doc jsonb, parent text) returns jsonb language plpgsql immutable as $$
    begin
      if jsonb_typeof(doc) = 'object' then
        return (select coalesce(jsonb_object_agg(k, case
            when k = 'agency' and jsonb_typeof(v) = 'string' then to_jsonb(pg_temp.tuo_kind(v #>> '{}'))
            else pg_temp.tuo_kinds(v, k) end), '{}'::jsonb)
          from jsonb_each(doc) as e(k, v));
      elsif jsonb_typeof(doc) = 'array' then
        return (select coalesce(jsonb_agg(case
            when parent in ('offered', 'chosen', 'agencies', 'consent') and jsonb_typeof(v) = 'string'
              then to_jsonb(pg_temp.tuo_kind(v #>> '{}'))
            else pg_temp.tuo_kinds(v, parent) end order by o), '[]'::jsonb)
          from jsonb_array_elements(doc) with ordinality as a(v, o));
      end if;
      return doc;
    end $$`.execute(db);

  for (const table of agencyColumns)
    await sql`update ${sql.table(table)} set agency = pg_temp.tuo_kind(agency) where agency = any(${olds}::text[])`.execute(
      db,
    );
  // Only the consent records of an envelope: its answers are the resident's, never ids.
  await sql`update submissions set envelope = jsonb_set(envelope, '{consent}', pg_temp.tuo_kinds(envelope->'consent', 'consent'))
    where jsonb_typeof(envelope->'consent') = 'array'`.execute(db);
  await sql`update sessions set data = pg_temp.tuo_kinds(data, null)`.execute(db);
  await sql`update staff_sessions set data = pg_temp.tuo_kinds(data, null)`.execute(db);
  await sql`update saved_journeys set answers = jsonb_set(answers, '{consent}', pg_temp.tuo_kinds(answers->'consent', null))
    where jsonb_typeof(answers->'consent') = 'object'`.execute(db);

  await sql`drop function pg_temp.tuo_kinds(jsonb, text)`.execute(db);
  await sql`drop function pg_temp.tuo_kind(text)`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, renames);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(
    db,
    renames.map(([from, to]) => [to, from] as const),
  );
}
