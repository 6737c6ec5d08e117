import { createSubmissionEnvelopeV1, exampleSubmissions } from '@tuo/shared';
import { createSubmissionRequestSchema } from '@tuo/shared/api/submissions';
import type { SubjectAccessExport } from '@tuo/shared/api/subject-access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { pageModel } from '../support/resident.js';
import { deliverNow } from '../support/deliver-now.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let t: TestApp;
let admin: TestStaff;
let adviser: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  [admin, adviser] = [await createTestStaff(t.database.db, 'admin'), await createTestStaff(t.database.db, 'adviser')];
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};

/** A submission with its NHS delivery made (into the inbox), another still queued, and a case note. */
async function submissionWithHistory() {
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  const { reference } = res.json<{ reference: string }>();
  const submission = await t.database.db
    .selectFrom('submissions')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const nhs = await t.database.db
    .selectFrom('deliveries')
    .select('id')
    .where('submission_id', '=', submission.id)
    .where('agency', '=', 'gp-practice')
    .executeTakeFirstOrThrow();
  const config = testConfig(t.database.url);
  await deliverNow(t.database.db, { deliveryId: nhs.id, attempt: 1 }, createAdapterRegistry(config), config);
  const client = await signedIn(adviser);
  await client.api('GET', `/api/staff/submissions/${reference}`);
  expect(
    (await client.api('POST', `/api/staff/submissions/${reference}/notes`, { body: 'Son phoned to check progress' }))
      .statusCode,
  ).toBe(201);
  return { reference, id: submission.id, nhsDeliveryId: nhs.id };
}

describe('subject access', () => {
  it('exports every field and every audit event of a submission, as JSON, for admins only', async () => {
    const { reference, id, nhsDeliveryId } = await submissionWithHistory();
    await t.database.db
      .insertInto('chase_requests')
      .values({
        delivery_id: nhsDeliveryId,
        submission_id: id,
        target: 'acknowledge',
        status: 'chased',
        resident_note: 'Please chase the surgery',
        requested_at: new Date('2026-06-20T09:00:00Z'),
        staff_note: 'Phoned the practice',
        handled_at: new Date('2026-06-21T09:00:00Z'),
      })
      .execute();
    const auditIds = (
      await t.database.db
        .selectFrom('audit_events')
        .select('id')
        .where('submission_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((row) => row.id);
    const client = await signedIn(admin);
    const res = await client.api('GET', `/api/admin/submissions/${reference}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="subject-access-${reference}.json"`);
    const exported = res.json<SubjectAccessExport>();

    const request = createSubmissionRequestSchema.parse(exampleSubmissions['someone-died']);
    expect(exported.answers).toEqual(request.answers);
    expect(exported.submission).toMatchObject({
      id,
      reference,
      lifeEvent: 'someone-died',
      channel: 'online',
      language: 'en',
      answersErasedAt: null,
      erasureKind: null,
    });
    const envelope = createSubmissionEnvelopeV1(request, {
      reference,
      submittedAt: new Date(exported.submission.submittedAt),
    });
    expect(exported.consent.map(({ purposeVersion: _version, organisation: _told, ...record }) => record)).toEqual(
      envelope.consent,
    );
    // Each agreed kind names the organisation told: here, with none picked, each kind's fallback.
    expect(exported.consent.filter((record) => record.given).every((record) => record.organisation?.name)).toBe(true);
    expect(exported.consent.every((record) => /^sha256:[0-9a-f]{16}$/.test(record.purposeVersion ?? ''))).toBe(true);
    expect(exported.consentGivenBy).toEqual({ by: 'resident' });
    expect(exported.answerSummary.find((row) => row.label === 'NHS number (optional)')?.lines).toEqual([
      '943 476 5919',
    ]);

    const nhs = exported.deliveries.find((d) => d.id === nhsDeliveryId);
    expect(nhs).toMatchObject({
      agency: 'gp-practice',
      status: 'delivered',
      transport: 'inbox',
      payload: { reference, lifeEvent: 'someone-died', channel: 'online' },
    });
    // The GP practice's routed fields of the example, written out (someone-died-journey.ts), opened for the export.
    expect(nhs?.payload?.answers).toEqual({
      firstName: 'Margaret',
      middleNames: 'Rose',
      lastName: "O'Brien",
      dateOfBirth: '1941-03-27',
      dateOfDeath: '2025-01-14',
      lastAddress: { line1: '12 Acacia Avenue', town: 'Leeds', postcode: 'LS1 4AP' },
      nhsNumber: '9434765919',
    });
    // Queued when its reporter confirmed the report by code; until then it was held.
    expect(nhs?.events.map((e) => e.status)).toEqual(['queued', 'sending', 'delivered']);
    expect(nhs?.attemptHistory).toHaveLength(1);
    expect(exported.deliveries.map((d) => d.agency)).toEqual([
      'council',
      'gp-practice',
      'housing-provider',
      'jobcentre',
    ]);
    // The code (to the email), then the receipts by email and text once confirmed.
    expect(exported.residentMessages.map((m) => m.channel).sort()).toEqual(['email', 'email', 'sms']);
    expect(exported.caseNotes.map((n) => n.body)).toEqual(['Son phoned to check progress']);
    expect(exported.chaseRequests).toEqual([
      {
        agency: 'gp-practice',
        target: 'acknowledge',
        status: 'chased',
        requestedAt: '2026-06-20T09:00:00.000Z',
        residentNote: 'Please chase the surgery',
        handledAt: '2026-06-21T09:00:00.000Z',
        staffNote: 'Phoned the practice',
      },
    ]);
    expect(exported.auditEvents.map((e) => e.id)).toEqual(auditIds);
    expect(exported.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining(['submission.created', 'staff.submission.viewed', 'staff.case-note.added']),
    );

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('submission_id', '=', id)
      .where('action', '=', 'admin.submission.exported')
      .execute();
    expect(audit).toEqual([{ actor_id: admin.id, detail: { format: 'json' } }]);

    const refused = await (await signedIn(adviser)).api('GET', `/api/admin/submissions/${reference}/export`);
    expect(refused.statusCode).toBe(403);
    expect((await client.api('GET', '/api/admin/submissions/TUO-AAAA-AAAA/export')).statusCode).toBe(404);
  });

  it('renders a printable page and a JSON download in the console', async () => {
    const { reference, id, nhsDeliveryId } = await submissionWithHistory();
    const client = await signedIn(admin);
    const submissionPage = await client.page(`/staff/submissions/${reference}`);
    expect(submissionPage.body).toContain(`/staff/submissions/${reference}/export`);
    const page = await client.page(`/staff/submissions/${reference}/export`);
    expect(page.statusCode).toBe(200);
    const model = pageModel(page);
    if (model.page !== 'staff' || model.props.view !== 'subject-access')
      throw new Error('Expected the subject access page');
    expect(model.props.export.submission.reference).toBe(reference);
    expect(page.body).toContain('943 476 5919');
    expect(page.body).toContain('Son phoned to check progress');
    // What the GP practice was sent, as a summary list with the officer's labels, never raw JSON.
    const sent =
      new RegExp(`aria-labelledby="export-${nhsDeliveryId}">(.*?)</section>`, 's').exec(page.body)?.[1] ?? '';
    expect(sent).toContain(
      '<dt class="govuk-summary-list__key">Last name of the person who died</dt><dd class="govuk-summary-list__value"><span class="govuk-!-display-block">O&#x27;Brien</span></dd>',
    );
    expect(sent).toContain('<span class="govuk-!-display-block">943 476 5919</span>');
    expect(sent).not.toMatch(/\{&quot;|\{"/);
    expect(page.body).not.toContain('<pre');
    const download = await client.page(`/staff/submissions/${reference}/export.json`);
    expect(download.headers['content-type']).toMatch(/^application\/json/);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.json<SubjectAccessExport>().answers).toMatchObject({ nhsNumber: '9434765919' });
    const formats = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('submission_id', '=', id)
      .where('action', '=', 'admin.submission.exported')
      .orderBy('id')
      .execute();
    expect(formats.map((row) => row.detail)).toEqual([{ format: 'printable' }, { format: 'json' }]);
    expect((await (await signedIn(adviser)).page(`/staff/submissions/${reference}/export`)).statusCode).toBe(403);
  });
});

describe('early erasure', () => {
  it('asks for a reason and a confirmation, erases, and is audited; a second erasure is refused', async () => {
    const { reference, id } = await submissionWithHistory();
    const client = await signedIn(admin);
    const form = await client.page(`/staff/submissions/${reference}/erase`);
    expect(form.statusCode).toBe(200);
    // No organisation has had it yet: the GP's waits unopened in its inbox, the others are still queued.
    const told = await t.database.db
      .selectFrom('deliveries as d')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .select(['o.name', 'd.agency'])
      .where('d.submission_id', '=', id)
      .orderBy('o.name')
      .execute();
    const shown = pageModel(form);
    if (shown.page !== 'staff' || shown.props.view !== 'erase') throw new Error('Expected the erase page');
    expect(shown.props.unopened).toEqual(told.filter((row) => row.agency === 'gp-practice').map((row) => row.name));
    expect(shown.props.notSent).toEqual(told.filter((row) => row.agency !== 'gp-practice').map((row) => row.name));
    expect(form.body).toContain('Once it is erased, it will not be sent to them at all.');
    expect(form.body).toContain('Once it is erased, they will see only that its answers were erased.');
    const missing = await client.form(`/staff/submissions/${reference}/erase`, [['reason', '']]);
    expect(missing.statusCode).toBe(400);
    const model = pageModel(missing);
    if (model.page !== 'staff' || model.props.view !== 'erase') throw new Error('Expected the erase page');
    expect(model.props.form.errors.map((e) => e.field)).toEqual(['reason', 'confirm']);
    expect(
      await t.database.db
        .selectFrom('submissions')
        .select('answers_erased_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ answers_erased_at: null });

    const done = await client.form(`/staff/submissions/${reference}/erase`, [
      ['reason', 'Erasure requested by letter'],
      ['confirm', 'yes'],
    ]);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/staff/submissions/${reference}?done=erased`);
    const row = await t.database.db
      .selectFrom('submissions')
      .select(['envelope', 'erasure_kind', 'erasure_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ erasure_kind: 'request', erasure_reason: 'Erasure requested by letter' });
    expect((row.envelope as { answers: object }).answers).toEqual({});
    const deliveries = await t.database.db
      .selectFrom('deliveries')
      .select(['agency', 'status', 'payload', 'last_error'])
      .where('submission_id', '=', id)
      .orderBy('agency')
      .execute();
    expect(deliveries.every((d) => d.payload === null)).toBe(true);
    // Not yet sent: never will be.
    expect(deliveries.find((d) => d.agency === 'council')).toMatchObject({
      status: 'failed',
      last_error: 'Not sent: the personal data was erased first',
    });
    expect(deliveries.find((d) => d.agency === 'gp-practice')?.status).toBe('delivered');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_type', 'actor_id', 'detail'])
      .where('submission_id', '=', id)
      .where('action', '=', 'submission.answers-erased')
      .execute();
    expect(audit).toEqual([{ actor_type: 'staff', actor_id: admin.id, detail: { kind: 'request' } }]);

    const exported = (
      await client.api('GET', `/api/admin/submissions/${reference}/export`)
    ).json<SubjectAccessExport>();
    expect(exported).toMatchObject({
      answers: {},
      answerSummary: [],
      caseNotes: [],
      submission: { erasureKind: 'request', erasureReason: 'Erasure requested by letter' },
    });
    expect(JSON.stringify(exported)).not.toMatch(/9434765919|Margaret|Acacia|sean\.obrien/);

    const again = await client.api('POST', `/api/admin/submissions/${reference}/erase`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_erased' });
    expect((await client.page(`/staff/submissions/${reference}/erase`)).statusCode).toBe(303);
    expect(
      (await (await signedIn(adviser)).api('POST', `/api/admin/submissions/${reference}/erase`, { reason: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('through the API, requires a reason, and a staff retry afterwards sends nothing', async () => {
    const { reference, id } = await submissionWithHistory();
    const client = await signedIn(admin);
    expect((await client.api('POST', `/api/admin/submissions/${reference}/erase`, { reason: ' ' })).statusCode).toBe(
      400,
    );
    const res = await client.api('POST', `/api/admin/submissions/${reference}/erase`, {
      reason: 'Duplicate of another report',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reference });
    const council = await t.database.db
      .selectFrom('deliveries')
      .select(['id', 'attempts'])
      .where('submission_id', '=', id)
      .where('agency', '=', 'council')
      .executeTakeFirstOrThrow();
    const supervisor = await signedIn(await createTestStaff(t.database.db, 'supervisor'));
    expect((await supervisor.api('POST', `/api/staff/deliveries/${council.id}/retry`)).statusCode).toBe(200);
    const config = testConfig(t.database.url);
    let sent = false;
    const adapters = createAdapterRegistry(config);
    const watching = {
      ...adapters,
      council: { ...adapters.council, deliver: () => ((sent = true), Promise.resolve({ kind: 'delivered' as const })) },
    };
    await deliverNow(t.database.db, { deliveryId: council.id, attempt: council.attempts + 1 }, watching, config);
    expect(sent).toBe(false);
    expect(
      await t.database.db
        .selectFrom('deliveries')
        .select(['status', 'last_error'])
        .where('id', '=', council.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'failed',
      last_error: "The resident's personal data was erased before it could be sent",
    });
  });
});
