import type { CheckedColumn } from './checked-columns.js';
import { checkName, columnKey, type ValueListCheck } from './column-checks.js';

/** A checked column whose database check differs from its list, with the check it has now. */
export interface ColumnCheckChange {
  column: CheckedColumn;
  before: ValueListCheck | null;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The columns whose check is not yet exactly `<table>_<column>_values` over their list, in its
 * order. A column with more than one value-list check cannot be changed by a generated migration.
 */
export function columnCheckChanges(
  columns: readonly CheckedColumn[],
  current: ReadonlyMap<string, readonly ValueListCheck[]>,
): ColumnCheckChange[] {
  return columns.flatMap((column) => {
    const checks = current.get(columnKey(column)) ?? [];
    if (checks.length > 1)
      throw new Error(`${columnKey(column)} has ${checks.map((c) => c.name).join(' and ')}: keep one, by hand`);
    const before = checks[0] ?? null;
    const upToDate = before?.name === checkName(column) && same(before.values, column.values);
    return upToDate ? [] : [{ column, before }];
  });
}

const list = (values: readonly string[]) => `[${values.map((value) => `'${value}'`).join(', ')}]`;

/**
 * The text of a migration making the database check these columns against their lists: the lists
 * written out (a migration is frozen, so it never reads them from the code), the steps in
 * `migrations/value-checks-v1.ts`.
 */
export function columnChecksMigration(changes: readonly ColumnCheckChange[]): string {
  const rows = changes.map(({ column, before }) => {
    const was = before ? `{ name: '${before.name}', values: ${list(before.values)} }` : 'null';
    return [
      `  {`,
      `    table: '${column.table}',`,
      `    column: '${column.column}',`,
      `    values: ${list(column.values)},`,
      `    array: ${String(column.array === true)},`,
      `    before: ${was},`,
      `  },`,
    ].join('\n');
  });
  return `import type { Kysely } from 'kysely';
import { addValueChecks, restoreValueChecks, type ValueCheck } from './value-checks-v1.js';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Written by \`npm run db:column-checks\` from server/src/db/checked-columns.ts: each column below may
// hold only its values from now on, and the check it had before (if any) is put back on the way down.
const checks: readonly ValueCheck[] = [
${rows.join('\n')}
];

export async function up(db: Kysely<any>): Promise<void> {
  await addValueChecks(db, checks);
}

export async function down(db: Kysely<any>): Promise<void> {
  await restoreValueChecks(db, checks);
}
`;
}
