import { agencyKinds, exampleSubmissions, type AgencyKind, type LifeEventId } from '@tuo/shared';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import { submitConfirmed } from './confirm-submission.js';

/** A clock a test moves by hand: handed to the app and tasks as `now`, while Postgres keeps real time. */
export function testClock(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => {
      current = new Date(iso);
    },
  };
}

/**
 * Submits a life event's example through the API and returns its reference, tracking secret and id.
 * `assisted` marks it as made by an adviser, as the console's assisted journey would have; `headers`
 * (a trusted submitter's key) skip the confirmation code and its rate limit.
 */
export async function submit(
  app: FastifyInstance,
  db: Kysely<Database>,
  lifeEvent: LifeEventId,
  options: { assisted?: boolean; headers?: Record<string, string> } = {},
) {
  const response = await submitConfirmed(app, exampleSubmissions[lifeEvent], options.headers);
  if (response.statusCode !== 201) throw new Error(`submission refused: ${response.body.slice(0, 300)}`);
  const { reference, trackingSecret } = response.json<{ reference: string; trackingSecret: string }>();
  const { id } = await db
    .selectFrom('submissions')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  if (options.assisted) await db.updateTable('submissions').set({ channel: 'assisted' }).where('id', '=', id).execute();
  return { reference, trackingSecret, id };
}

/**
 * Puts a submission's deliveries where the delivering worker and the agency would have left them:
 * submitted and delivered at `deliveredAt` (into the inbox, in order), and acknowledged or actioned
 * at the times given per agency.
 */
export async function deliver(
  db: Kysely<Database>,
  submissionId: string,
  deliveredAt: string,
  done: Partial<Record<AgencyKind, { acknowledgedAt?: string; actionedAt?: string }>> = {},
) {
  await db.updateTable('submissions').set({ submitted_at: deliveredAt }).where('id', '=', submissionId).execute();
  await sql`
    update deliveries set status = 'delivered', status_changed_at = ${deliveredAt}::timestamptz, transport = 'inbox', attempts = 1,
      payload = jsonb_build_object('reference', s.reference, 'lifeEvent', s.life_event, 'answers', '{}'::jsonb),
      delivered_at = ${deliveredAt}::timestamptz, inbox_xid = pg_current_xact_id(), inbox_seq = nextval('inbox_seq')
    from submissions s
    where s.id = deliveries.submission_id and deliveries.submission_id = ${submissionId}
  `.execute(db);
  for (const agency of agencyKinds) {
    const times = done[agency];
    if (!times) continue;
    await db
      .updateTable('deliveries')
      .set({
        status: times.actionedAt ? 'actioned' : 'acknowledged',
        acknowledged_at: times.acknowledgedAt ?? times.actionedAt ?? null,
        actioned_at: times.actionedAt ?? null,
      })
      .where('submission_id', '=', submissionId)
      .where('agency', '=', agency)
      .execute();
  }
}
