import type { AgencyKind } from '@tuo/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { SEND_MISSED_TARGET_EVENT } from './service-level-jobs.js';
import { ownTarget } from '../organisations/organisation-settings.js';
import { targetFor, targetStates, type ServiceLevels, type TargetKind } from './targets.js';
import type { WorkingCalendar } from './working-days.js';

/** What the check needs: the targets, the calendar, the clock, and which kinds' fallbacks take the kind's configured webhook. */
export interface FlagDeps {
  db: Kysely<Database>;
  serviceLevels: ServiceLevels;
  calendar: WorkingCalendar;
  now: () => Date;
  webhookAgencies: ReadonlySet<AgencyKind>;
}

const columns: Record<
  TargetKind,
  { flag: 'acknowledge_flagged_at' | 'action_flagged_at'; done: 'acknowledged_at' | 'actioned_at'; detail: string }
> = {
  acknowledge: {
    flag: 'acknowledge_flagged_at',
    done: 'acknowledged_at',
    detail: 'Missed its target to be acknowledged',
  },
  action: { flag: 'action_flagged_at', done: 'actioned_at', detail: 'Missed its target to be actioned' },
};

/**
 * Flags one target on the given notifications, with its event, audit line and (for agencies that
 * take webhooks) an event for the agency, in one statement. The update holds only where the flag
 * is still unset and the step still not done, so however many runs race, each notification is
 * flagged, told and recorded once.
 */
async function flag(deps: FlagDeps, kind: TargetKind, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const { flag: flagColumn, done, detail } = columns[kind];
  const webhooks = [...deps.webhookAgencies];
  const result = await sql<{ id: string }>`
    with flagged as (
      update deliveries set ${sql.ref(flagColumn)} = ${at}
      where id = any(${ids}::uuid[]) and ${sql.ref(flagColumn)} is null and ${sql.ref(done)} is null and delivered_at is not null
      returning id, submission_id, agency, organisation_id
    ),
    event as (insert into delivery_events (delivery_id, status, at, detail) select id, 'target-missed', ${at}, ${detail} from flagged),
    audit as (
      insert into audit_events (actor_type, action, submission_id, detail)
      select 'system', 'notification.target-missed', submission_id, jsonb_build_object('agency', agency, 'deliveryId', id, 'target', ${kind}::text) from flagged
    ),
    queued as (
      insert into outbox (task, payload, job_key)
      -- As missedTargetEventJob() makes them: once per notification and target.
      select ${SEND_MISSED_TARGET_EVENT}, jsonb_build_object('deliveryId', id, 'target', ${kind}::text), 'missed-target:' || id::text || ':' || ${kind}::text
      -- Only the kind's fallback organisation takes the kind's configured webhook; an organisation with
      -- its own webhook is told there. The task decides by the organisation's channel (organisation-adapter.ts).
      from flagged
      where (agency = any(${webhooks}::text[]) and organisation_id in (select id from organisations where fallback))
        or organisation_id in (select organisation_id from organisation_settings where webhook_url is not null)
    )
    select id from flagged
  `.execute(deps.db);
  return result.rows.map((row) => row.id);
}

/**
 * Finds delivered notifications past a target (acknowledge or action) and flags each once. Run by
 * a graphile-worker cron; safe to run concurrently. Returns what this run flagged.
 */
export async function flagMissedTargets(deps: FlagDeps): Promise<Record<TargetKind, string[]>> {
  const now = deps.now();
  // A deadline is at least as many calendar days away as working days: skip anything newer.
  // Organisations' own targets count too.
  const own = await deps.db
    .selectFrom('organisation_settings')
    .select((eb) => eb.fn.min('acknowledge_days').as('days'))
    .executeTakeFirst();
  const shortest = Math.min(
    deps.serviceLevels.default.acknowledgeDays,
    ...deps.serviceLevels.overrides.map((o) => o.target.acknowledgeDays),
    ...(own?.days === null || own?.days === undefined ? [] : [own.days]),
  );
  const cutoff = new Date(now.getTime() - Math.max(0, shortest - 1) * 24 * 60 * 60 * 1000);
  const candidates = await deps.db
    .selectFrom('deliveries as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
    .select([
      'os.acknowledge_days',
      'os.action_days',
      'd.id',
      'd.agency',
      's.life_event',
      'd.delivered_at',
      'd.acknowledged_at',
      'd.actioned_at',
      'd.acknowledge_flagged_at',
      'd.action_flagged_at',
    ])
    // The same predicate as the partial index deliveries_targets_open_idx.
    .where(
      sql<boolean>`d.delivered_at is not null and ((d.acknowledged_at is null and d.acknowledge_flagged_at is null) or (d.actioned_at is null and d.action_flagged_at is null))`,
    )
    .where('d.delivered_at', '<', cutoff)
    .execute();
  const due: Record<TargetKind, string[]> = { acknowledge: [], action: [] };
  for (const row of candidates) {
    if (!row.delivered_at) continue;
    const states = targetStates(
      deps.calendar,
      targetFor(deps.serviceLevels, row.agency, row.life_event, ownTarget(row)),
      { deliveredAt: row.delivered_at, acknowledgedAt: row.acknowledged_at, actionedAt: row.actioned_at },
      now,
    );
    if (states.acknowledge.missed && !row.acknowledge_flagged_at) due.acknowledge.push(row.id);
    if (states.action.missed && !row.action_flagged_at) due.action.push(row.id);
  }
  return {
    acknowledge: await flag(deps, 'acknowledge', due.acknowledge, now),
    action: await flag(deps, 'action', due.action, now),
  };
}
