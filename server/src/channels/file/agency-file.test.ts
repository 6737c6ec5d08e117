import { createHash } from 'node:crypto';
import type { AgencyPayloadV1 } from '@tuo/shared';
import { describe, expect, it } from 'vitest';
import { councilFileColumns } from '../../adapters/council/council-file-columns.js';
import { agencyFile } from './agency-file.js';

const payload: AgencyPayloadV1 = {
  reference: 'TUO-7K3M-9Q2M',
  lifeEvent: 'someone-died',
  submittedAt: '2026-12-01T10:00:00.000Z',
  channel: 'online',
  answers: { firstName: '=HYPERLINK("x") & <Ann>' },
};
const run = {
  id: '7',
  fileName: 'tell-us-once_council_20261201T180000Z_000007.csv',
  createdAt: new Date('2026-12-01T18:00:00Z'),
};

describe('agencyFile', () => {
  it('writes CSV with the kind’s column labels, neutralising formulas, and a manifest that matches it', () => {
    const file = agencyFile('council', councilFileColumns, { ...run, format: 'csv' }, [{ deliveryId: 'd-1', payload }]);
    const lines = file.content.toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^"Notification ID","Tell Us Once reference","Change of circumstances","Date reported"/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") & <Ann>"`);
    const manifest = JSON.parse(file.manifest.content.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ file: run.fileName, records: 1, format: 'csv' });
    expect(manifest.sha256).toBe(createHash('sha256').update(file.content).digest('hex'));
    expect(file.manifest.name).toBe(`${run.fileName}.manifest.json`);
  });

  it('writes the same records as XML, escaped, and the same bytes every time', () => {
    const make = () =>
      agencyFile('council', councilFileColumns, { ...run, format: 'xml' }, [{ deliveryId: 'd-1', payload }]);
    const xml = make().content.toString('utf8');
    expect(xml).toContain('<notification id="d-1" reference="TUO-7K3M-9Q2M"');
    expect(xml).toContain('=HYPERLINK(&quot;x&quot;) &amp; &lt;Ann&gt;');
    expect(make().sha256).toBe(make().sha256);
  });
});
