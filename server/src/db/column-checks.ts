import { sql, type Kysely } from 'kysely';
import type { CheckedColumn } from './checked-columns.js';
import type { Database } from './database.js';

/** A value-list check as the database holds it. */
export interface ValueListCheck {
  /** The constraint's name. */
  name: string;
  /** The values it allows, in its order. */
  values: string[];
}

/** A checked column's key, `table.column`. */
export const columnKey = ({ table, column }: Pick<CheckedColumn, 'table' | 'column'>) => `${table}.${column}`;

/** The name a column's value-list check is given: `<table>_<column>_values`. */
export const checkName = ({ table, column }: Pick<CheckedColumn, 'table' | 'column'>) => `${table}_${column}_values`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The values a check allows when it is exactly a list for `column` (as Postgres prints
 * `column in ('a', 'b')`, or `column <@ array['a', 'b']` for an array), else undefined: a check
 * that also says something else (`(agency is not null) = (role in (...))`) is not one.
 */
export function valueList(definition: string, column: string, array = false): string[] | undefined {
  const operator = array ? '<@ ' : '= ANY \\(';
  const close = array ? '' : '\\)';
  const shape = new RegExp(`^CHECK \\(\\(${escape(column)} ${operator}ARRAY\\[(.*)\\]${close}\\)\\)$`);
  const list = shape.exec(definition)?.[1];
  if (list === undefined) return undefined;
  const literal = /^'((?:[^']|'')*)'::text$/;
  const values = list.split(', ').map((item) => literal.exec(item)?.[1]?.replaceAll("''", "'"));
  return values.every((value) => value !== undefined) ? values : undefined;
}

/**
 * The value-list checks the database has now on each of `columns`, by `table.column` (more than
 * one when an older check was left beside a newer; none for an unchecked column).
 */
export async function readColumnChecks(
  db: Kysely<Database>,
  columns: readonly CheckedColumn[],
): Promise<Map<string, ValueListCheck[]>> {
  const rows = await sql<{ table_name: string; name: string; definition: string }>`
    select t.relname as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype = 'c' and t.relnamespace = current_schema()::regnamespace
    order by c.conname`.execute(db);
  const found = new Map<string, ValueListCheck[]>();
  for (const column of columns) {
    const checks = rows.rows.flatMap((row) => {
      const values = row.table_name === column.table && valueList(row.definition, column.column, column.array);
      return values ? [{ name: row.name, values }] : [];
    });
    found.set(columnKey(column), checks);
  }
  return found;
}
