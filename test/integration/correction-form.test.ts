import { exampleSubmissions } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitConfirmed } from '../support/confirm-submission.js';
import { pageModel } from '../support/resident.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let adviser: TestStaff;
let supervisor: TestStaff;
let reference: string;
let trackingSecret: string;

beforeAll(async () => {
  t = await createTestApp();
  [adviser, supervisor] = [
    await createTestStaff(t.database.db, 'adviser'),
    await createTestStaff(t.database.db, 'supervisor'),
  ];
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  ({ reference, trackingSecret } = res.json<{ reference: string; trackingSecret: string }>());
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};
const correctionView = (body: Parameters<typeof pageModel>[0]) => {
  const model = pageModel(body);
  if (model.page !== 'staff' || model.props.view !== 'correction') throw new Error('Expected the correction form');
  return model.props;
};
const track = () =>
  t.app.inject({
    method: 'GET',
    url: `/track?reference=${reference}&secret=${encodeURIComponent(trackingSecret)}`,
    headers: { accept: 'text/html' },
  });

describe("a supervisor's correction form", () => {
  it('is for supervisors only', async () => {
    const client = await signedIn(adviser);
    expect((await client.page(`/staff/submissions/${reference}/correction`)).statusCode).toBe(403);
    expect((await client.page(`/staff/submissions/${reference}`)).body).not.toContain('id="correct-link"');
  });

  it('picks an answer, checks the new value like a resident\u2019s, and says so in GOV.UK errors', async () => {
    const client = await signedIn(supervisor);
    expect((await client.page(`/staff/submissions/${reference}`)).body).toContain('id="correct-link"');
    const choose = correctionView(await client.page(`/staff/submissions/${reference}/correction`));
    expect(choose.chosen).toBeNull();
    expect(choose.fields).toContainEqual({
      name: 'dateOfDeath',
      label: 'When did they die?',
      kind: 'date',
      value: '2025-01-14',
    });
    const none = await client.page(`/staff/submissions/${reference}/correction?field=`);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the answer to correct');
    const picked = correctionView(await client.page(`/staff/submissions/${reference}/correction?field=dateOfDeath`));
    expect(picked.chosen?.name).toBe('dateOfDeath');
    expect(picked.form.values).toEqual({ field: 'dateOfDeath', value: '2025-01-14' });

    const unreal = await client.form(`/staff/submissions/${reference}/correction`, [
      ['field', 'dateOfDeath'],
      ['value', '2025-02-30'],
    ]);
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('<title>Error: Correct an answer');
    expect(correctionView(unreal).form.errors.map((e) => e.field)).toEqual(['value']);
    const same = await client.form(`/staff/submissions/${reference}/correction`, [
      ['field', 'dateOfDeath'],
      ['value', '2025-01-14'],
    ]);
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('This is the answer the report already has');
    expect(await t.database.db.selectFrom('submission_corrections').select('id').execute()).toEqual([]);
  });

  it('corrects it through the correction service, audited, and the tracking page says what changed but not to what', async () => {
    const client = await signedIn(supervisor);
    await client.page(`/staff/submissions/${reference}/correction?field=dateOfDeath`);
    const saved = await client.form(`/staff/submissions/${reference}/correction`, [
      ['field', 'dateOfDeath'],
      ['value', '2025-01-13'],
    ]);
    expect([saved.statusCode, saved.headers.location]).toEqual([303, `/staff/submissions/${reference}?done=corrected`]);
    expect((await client.page(saved.headers.location ?? '')).body).toContain('The answer is corrected.');
    const corrections = await t.database.db
      .selectFrom('submission_corrections')
      .select(['fields', 'staff_id'])
      .execute();
    expect(corrections).toEqual([{ fields: ['dateOfDeath'], staff_id: supervisor.id }]);
    const audits = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_id', '=', supervisor.id)
      .where('action', 'in', ['submission.corrected', 'staff.correction.viewed'])
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toContain('staff.correction.viewed');
    expect(audits.at(-1)).toMatchObject({ action: 'submission.corrected', detail: { fields: ['dateOfDeath'] } });
    expect(JSON.stringify(audits)).not.toContain('2025-01-13');

    const page = await track();
    expect(page.body).toMatch(/Our staff corrected this report on \d+ \w+ 2026: When did they die\?/);
    expect(page.body).not.toContain('13 January 2025');
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(status.json<{ corrections: { fields: string[] }[] }>().corrections).toEqual([
      { at: expect.any(String) as string, fields: ['dateOfDeath'] },
    ]);
  });

  it('is closed on a withdrawn report, whose tracking page shows the withdrawal beside the correction', async () => {
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/submissions/${reference}/withdrawal`,
      headers: { 'tracking-secret': trackingSecret },
      payload: { reason: 'Wrong person' },
    });
    expect(withdrawn.statusCode).toBe(200);
    const client = await signedIn(supervisor);
    const closed = await client.page(`/staff/submissions/${reference}/correction`);
    expect(correctionView(closed).unavailable).toBe('withdrawn');
    expect(closed.body).toContain('This report was withdrawn, so it cannot be corrected.');
    const posted = await client.form(`/staff/submissions/${reference}/correction`, [
      ['field', 'dateOfDeath'],
      ['value', '2025-01-12'],
    ]);
    expect(correctionView(posted).unavailable).toBe('withdrawn');
    const page = (await track()).body;
    expect(page).toContain('You withdrew this report on');
    expect(page).toContain('Our staff corrected this report on');
  });
});
