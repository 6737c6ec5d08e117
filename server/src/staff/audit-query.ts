import { normaliseReference } from '@tuo/shared';
import type { AuditPage, AuditQuery } from '@tuo/shared/api/admin-audit';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A page of the audit log, newest first, filtered as asked; `nextBefore` continues it. */
export async function queryAuditLog(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  let select = db
    .selectFrom('audit_events as a')
    .leftJoin('submissions as s', 's.id', 'a.submission_id')
    .leftJoin('staff_users as u', (join) =>
      join.on((eb) =>
        eb.and([
          eb('a.actor_type', 'in', ['staff', 'agency-user']),
          eb(eb.cast<string>('u.id', 'text'), '=', eb.ref('a.actor_id')),
        ]),
      ),
    )
    .select([
      'a.id',
      'a.at',
      'a.actor_type',
      'a.actor_id',
      'u.email',
      'a.action',
      's.reference',
      'a.address',
      'a.detail',
    ]);
  if (query.actorId) select = select.where('a.actor_id', '=', query.actorId);
  // What the person did, and the sign-ins tried with their email.
  if (query.email) {
    const email = query.email.toLowerCase();
    select = select.where((eb) =>
      eb.or([eb(sql`lower(u.email)`, '=', email), eb(sql`a.detail->>'email'`, '=', email)]),
    );
  }
  if (query.action) select = select.where('a.action', '=', query.action);
  if (query.reference) select = select.where('s.reference', '=', normaliseReference(query.reference));
  if (query.from) select = select.where('a.at', '>=', new Date(query.from));
  if (query.to) select = select.where('a.at', '<', new Date(query.to));
  if (query.before) select = select.where('a.id', '<', query.before);
  const rows = await select
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorEmail: row.email,
      action: row.action,
      reference: row.reference,
      address: row.address,
      detail: row.detail as Record<string, unknown>,
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
