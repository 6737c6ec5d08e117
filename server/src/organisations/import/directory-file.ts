import { organisationInputSchema, type OrganisationInput } from '@tuo/shared/api/organisations';
import { parse } from 'csv-parse/sync';

/** One organisation a directory file lists, and whether it is open (a closed one is disabled). */
export interface DirectoryEntry {
  /** The file's line, for messages. */
  line: number;
  organisation: OrganisationInput & { code: string };
  open: boolean;
}

/** What a directory file holds: its entries and the lines that could not be read. */
export interface DirectoryFile {
  format: 'directory-csv' | 'epraccur';
  entries: DirectoryEntry[];
  problems: { line: number; message: string }[];
}

// Our own CSV: a header row naming these columns (areas separated by spaces or semicolons).
type Column = 'kind' | 'name' | 'code' | 'areas' | 'postcode' | 'custodian_code' | 'enabled';

// The NHS ODS practice file (epraccur.csv): no header; 27 columns, of which these matter.
const EPRACCUR = { code: 0, name: 1, postcode: 9, status: 12, prescribingSetting: 25 } as const;
const GP_PRACTICE_SETTING = '4';

/** "THE RIVERSIDE SURGERY" as residents would write it: "The Riverside Surgery". */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-(/&])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/\b(Nhs|Gp|Pcn)\b/g, (word) => word.toUpperCase());
}

function checked(
  line: number,
  raw: Record<string, unknown>,
  open: boolean,
  problems: DirectoryFile['problems'],
): DirectoryEntry | undefined {
  const parsed = organisationInputSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push({ line, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    return undefined;
  }
  const { code } = parsed.data;
  if (code === undefined) {
    problems.push({ line, message: 'code: an organisation is imported by its official code; add one' });
    return undefined;
  }
  return { line, organisation: { ...parsed.data, code }, open };
}

/**
 * Reads a directory file: our CSV (with a header row: kind, name, code, areas, postcode,
 * custodian_code, enabled) or the NHS ODS practice file `epraccur.csv` (GP practices only:
 * prescribing setting 4; a practice whose status is not active is listed as closed).
 */
export function readDirectoryFile(text: string): DirectoryFile {
  const records: string[][] = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const problems: DirectoryFile['problems'] = [];
  const entries: DirectoryEntry[] = [];
  const header = records[0]?.map((cell) => cell.toLowerCase()) ?? [];
  if (header.includes('kind') && header.includes('name')) {
    const at = (row: string[], column: Column) => {
      const index = header.indexOf(column);
      return index === -1 ? '' : (row[index] ?? '');
    };
    records.slice(1).forEach((row, index) => {
      const line = index + 2;
      const enabled = at(row, 'enabled').toLowerCase();
      const entry = checked(
        line,
        {
          kind: at(row, 'kind'),
          name: at(row, 'name'),
          code: at(row, 'code'),
          areas: at(row, 'areas')
            .split(/[\s;]+/)
            .filter(Boolean),
          postcode: at(row, 'postcode'),
          custodianCode: at(row, 'custodian_code'),
        },
        !['no', 'false', 'n', '0'].includes(enabled),
        problems,
      );
      if (entry) entries.push(entry);
    });
    return { format: 'directory-csv', entries, problems };
  }
  records.forEach((row, index) => {
    const line = index + 1;
    if (row.length < 26) {
      problems.push({ line, message: 'not a directory CSV with a header row, nor an epraccur line (27 columns)' });
      return;
    }
    if (row[EPRACCUR.prescribingSetting] !== GP_PRACTICE_SETTING) return;
    const entry = checked(
      line,
      {
        kind: 'gp-practice',
        name: titleCase(row[EPRACCUR.name] ?? ''),
        code: row[EPRACCUR.code] ?? '',
        areas: [],
        postcode: row[EPRACCUR.postcode] ?? '',
      },
      row[EPRACCUR.status] === 'A',
      problems,
    );
    if (entry) entries.push(entry);
  });
  return { format: 'epraccur', entries, problems };
}
