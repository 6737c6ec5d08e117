import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDirectoryFile } from '../../server/src/organisations/import/directory-file.js';
import { importOrganisations } from '../../server/src/organisations/import/import-organisations.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const actor = { type: 'system' } as const;
const directory = [
  'kind,name,code,areas,postcode,custodian_code,enabled',
  'council,Northbridge Borough Council,E09000901,E09000901,,5901,yes',
  'housing-provider,Northbridge Homes,L0901,E09000901;E09000902,NB1 1AA,,yes',
  'gp-practice,Riverside Surgery,Y90001,,nb1 2bb,,yes',
].join('\n');

// Three lines of the NHS ODS practice file (27 columns, no header): two open GP practices, a
// closed one, and a prescribing cost centre that is not a GP practice (setting 1), left out.
const epraccurLine = (code: string, name: string, postcode: string, status: string, setting: string) =>
  [
    code,
    name,
    'Y63',
    'QHM',
    '1 HIGH STREET',
    '',
    'NORTHBRIDGE',
    '',
    '',
    postcode,
    '19740401',
    '',
    status,
    'B',
    '00P',
    '20130401',
    '',
    '01632 960000',
    '',
    '',
    '',
    '0',
    '',
    'U90001',
    '',
    setting,
    '',
  ]
    .map((c) => `"${c}"`)
    .join(',');
const epraccur = [
  epraccurLine('Y90101', 'THE HILLTOP MEDICAL CENTRE', 'NB2 2BB', 'A', '4'),
  epraccurLine('Y90102', "ST MARY'S SURGERY", 'NB3 3DE', 'A', '4'),
  epraccurLine('Y90103', 'OLD TOWN PRACTICE', 'NB4 4DD', 'C', '4'),
  epraccurLine('Y90104', 'NORTHBRIDGE WALK IN CENTRE', 'NB5 5EE', 'A', '1'),
].join('\r\n');

const directoryRows = () =>
  database.db
    .selectFrom('organisations')
    .select(['kind', 'name', 'code', 'areas', 'postcode', 'custodian_code', 'disabled_at', 'updated_at'])
    .orderBy('kind')
    .orderBy('code')
    .execute();

describe('importing the directory', () => {
  it('adds organisations from a directory CSV, and a second run changes nothing', async () => {
    const file = readDirectoryFile(directory);
    expect(file).toMatchObject({ format: 'directory-csv', problems: [] });
    const first = await importOrganisations(database.db, file.entries, { dryRun: false, actor });
    expect(first.map((c) => [c.action, c.kind, c.code])).toEqual([
      ['add', 'council', 'E09000901'],
      ['add', 'housing-provider', 'L0901'],
      ['add', 'gp-practice', 'Y90001'],
    ]);
    const rows = await directoryRows();
    expect(rows.find((r) => r.code === 'Y90001')).toMatchObject({ name: 'Riverside Surgery', postcode: 'NB1 2BB' });
    expect(rows.find((r) => r.code === 'L0901')?.areas).toEqual(['E09000901', 'E09000902']);
    expect(rows.find((r) => r.code === 'E09000901')?.custodian_code).toBe('5901');

    const again = await importOrganisations(database.db, readDirectoryFile(directory).entries, {
      dryRun: false,
      actor,
    });
    expect(again.every((c) => c.action === 'unchanged')).toBe(true);
    expect(await directoryRows()).toEqual(rows);
  });

  it('lists what would change in a dry run and changes nothing; the real run then does just that', async () => {
    const changed = directory
      .replace('Riverside Surgery', 'Riverside Health Centre')
      .replace('NB1 1AA,,yes', 'NB1 1AA,,no');
    const before = await directoryRows();
    const audits = await database.db.selectFrom('audit_events').select('id').execute();
    const planned = await importOrganisations(database.db, readDirectoryFile(changed).entries, { dryRun: true, actor });
    expect(planned.filter((c) => c.action !== 'unchanged').map((c) => [c.action, c.code, c.fields])).toEqual([
      ['disable', 'L0901', []],
      ['update', 'Y90001', ['name']],
    ]);
    expect(await directoryRows()).toEqual(before);
    expect(await database.db.selectFrom('audit_events').select('id').execute()).toEqual(audits);

    const applied = await importOrganisations(database.db, readDirectoryFile(changed).entries, {
      dryRun: false,
      actor,
    });
    expect(applied).toEqual(planned);
    const after = await directoryRows();
    expect(after.find((r) => r.code === 'Y90001')?.name).toBe('Riverside Health Centre');
    expect(after.find((r) => r.code === 'L0901')?.disabled_at).not.toBeNull();
    const logged = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'organisation.%')
      .orderBy('id')
      .execute();
    expect(logged.map((a) => a.action).slice(-2)).toEqual(['organisation.disabled', 'organisation.updated']);
  });

  it('reads the NHS ODS practice file (epraccur): open GP practices only, named as people write them', async () => {
    const file = readDirectoryFile(epraccur);
    expect(file.format).toBe('epraccur');
    expect(file.problems).toEqual([]);
    expect(
      file.entries.map((e) => [e.organisation.code, e.organisation.name, e.organisation.postcode, e.open]),
    ).toEqual([
      ['Y90101', 'The Hilltop Medical Centre', 'NB2 2BB', true],
      ['Y90102', "St Mary's Surgery", 'NB3 3DE', true],
      ['Y90103', 'Old Town Practice', 'NB4 4DD', false],
    ]);
    const first = await importOrganisations(database.db, file.entries, { dryRun: false, actor });
    // A closed practice never in the directory is not added.
    expect(first.map((c) => [c.action, c.code])).toEqual([
      ['add', 'Y90101'],
      ['add', 'Y90102'],
      ['unchanged', 'Y90103'],
    ]);
    const rows = await directoryRows();
    expect(rows.filter((r) => r.kind === 'gp-practice').map((r) => r.code)).toEqual([
      'Y90001',
      'Y90101',
      'Y90102',
      null,
    ]);
    const again = await importOrganisations(database.db, readDirectoryFile(epraccur).entries, { dryRun: false, actor });
    expect(again.every((c) => c.action === 'unchanged')).toBe(true);
    expect(await directoryRows()).toEqual(rows);
  });

  it('names the lines it cannot read, and imports nothing from them', () => {
    const file = readDirectoryFile(
      ['kind,name,code,postcode', 'surgery,Nowhere,Y1,', 'gp-practice,,Y90200,', 'gp-practice,No Code Practice,,'].join(
        '\n',
      ),
    );
    expect(file.entries).toEqual([]);
    expect(file.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(file.problems[2]?.message).toMatch(/code/);
  });
});
