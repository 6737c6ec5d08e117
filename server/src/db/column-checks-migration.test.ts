import { describe, expect, it } from 'vitest';
import type { CheckedColumn } from './checked-columns.js';
import { columnCheckChanges, columnChecksMigration } from './column-checks-migration.js';

const kind: CheckedColumn = { table: 'organisations', column: 'kind', values: ['council', 'jobcentre'] };
const told: CheckedColumn = {
  table: 'figures_report_days',
  column: 'told_agencies',
  values: ['council', 'jobcentre'],
  array: true,
};

describe('columnCheckChanges', () => {
  it('leaves out a column whose check is already its list, in order, under its name', () => {
    const current = new Map([
      ['organisations.kind', [{ name: 'organisations_kind_values', values: ['council', 'jobcentre'] }]],
    ]);
    expect(columnCheckChanges([kind], current)).toEqual([]);
  });

  it('changes a column with a value added, with an older name, or with no check', () => {
    const added = new Map([['organisations.kind', [{ name: 'organisations_kind_values', values: ['council'] }]]]);
    expect(columnCheckChanges([kind], added)).toEqual([
      { column: kind, before: { name: 'organisations_kind_values', values: ['council'] } },
    ]);
    const older = new Map([
      ['organisations.kind', [{ name: 'organisations_kind_check', values: ['council', 'jobcentre'] }]],
    ]);
    expect(columnCheckChanges([kind], older)).toEqual([
      { column: kind, before: { name: 'organisations_kind_check', values: ['council', 'jobcentre'] } },
    ]);
    expect(columnCheckChanges([told], new Map())).toEqual([{ column: told, before: null }]);
  });

  it('refuses a column with two value-list checks', () => {
    const two = new Map([
      [
        'organisations.kind',
        [
          { name: 'organisations_kind_check', values: ['council'] },
          { name: 'organisations_kind_values', values: ['council'] },
        ],
      ],
    ]);
    expect(() => columnCheckChanges([kind], two)).toThrow(/organisations_kind_check and organisations_kind_values/);
  });
});

describe('columnChecksMigration', () => {
  it('writes the lists out, with what each column had before, for the frozen steps', () => {
    const text = columnChecksMigration([
      { column: kind, before: { name: 'organisations_kind_check', values: ['council'] } },
      { column: told, before: null },
    ]);
    expect(text).toContain(
      "import { addValueChecks, restoreValueChecks, type ValueCheck } from './value-checks-v1.js';",
    );
    expect(text).toContain(`  {
    table: 'organisations',
    column: 'kind',
    values: ['council', 'jobcentre'],
    array: false,
    before: { name: 'organisations_kind_check', values: ['council'] },
  },`);
    expect(text).toContain(`    column: 'told_agencies',
    values: ['council', 'jobcentre'],
    array: true,
    before: null,`);
    expect(text).not.toMatch(/from '(?!kysely|\.\/value-checks-v1\.js)/);
  });
});
