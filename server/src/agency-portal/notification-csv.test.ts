import { describe, expect, it } from 'vitest';
import { csvCell, ukLocalTime } from './notification-csv.js';

describe('csvCell', () => {
  it('quotes every cell and doubles quotes, keeping commas and line breaks inside the cell', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell('')).toBe('""');
  });

  it.each(['=1+1', '+441234', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises %j, which a spreadsheet would run as a formula',
    (value) => {
      expect(csvCell(value)).toBe(`"'${value}"`);
    },
  );

  it('leaves a formula character that is not first alone', () => {
    expect(csvCell('a=b')).toBe('"a=b"');
  });
});

describe('ukLocalTime', () => {
  it.each([
    ['2026-12-02T14:05:00Z', '02/12/2026 14:05'],
    ['2026-07-01T23:30:00Z', '02/07/2026 00:30'],
    [null, ''],
  ])('reads %j as %j, in GMT or British Summer Time', (iso, expected) => {
    expect(ukLocalTime(iso)).toBe(expected);
  });
});
