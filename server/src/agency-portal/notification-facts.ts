import { fieldLabelFor, getJourney, type AnswerValue } from '@tuo/shared';
import { showsFact } from '@tuo/shared/agencies/report-facts';
import { assistedModes, identityChecks, type IdentityCheck } from '@tuo/shared/api/staff-session';
import type { AgencyNotification } from '@tuo/shared/api/agency-notifications';
import type { HandledBy, NotificationFacts, ReportChannel, TargetDate } from '@tuo/shared/pages/agency-page-model';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';
import { readSettings } from '../organisations/organisation-settings.js';
import { deadlineDate, targetFor, type ServiceLevels } from '../service-levels/targets.js';
import { londonDate, type WorkingCalendar } from '../service-levels/working-days.js';
import { payloadVerification } from './payload-verification.js';

/** What working out a notification's targets needs. */
export interface TargetDeps {
  serviceLevels: ServiceLevels;
  calendar: WorkingCalendar;
  now: Date;
}

interface HandlingRow {
  action: string;
  actor_type: string;
  name: string | null;
}

/**
 * Who acknowledged and who actioned the delivery, from the audit lines written with each step: a
 * colleague by their display name (their email address without one), a system by its key's name.
 */
async function handlers(db: Kysely<Database>, organisation: OrganisationScope, deliveryId: string) {
  const rows = await sql<HandlingRow>`
    select a.action, a.actor_type, coalesce(u.display_name, u.email, k.name) as name
    from audit_events a
      left join staff_users u on a.actor_type = 'agency-user' and u.id::text = a.actor_id and u.organisation_id = ${organisation.id}
      left join agency_api_keys k on a.actor_type = 'agency' and k.id::text = a.actor_id and k.organisation_id = ${organisation.id}
    where a.submission_id = (select submission_id from deliveries where id = ${deliveryId})
      and a.action in ('notification.acknowledged', 'notification.actioned')
      and a.detail ->> 'deliveryId' = ${deliveryId}
    order by a.at, a.id
  `.execute(db);
  const of = (action: string): HandledBy | null => {
    const row = rows.rows.find((candidate) => candidate.action === action);
    if (!row?.name) return null;
    return { by: row.actor_type === 'agency' ? 'api-key' : 'portal-user', name: row.name };
  };
  return { acknowledgedBy: of('notification.acknowledged'), actionedBy: of('notification.actioned') };
}

/** How the report was made: an assisted one's way of helping is in its envelope, as the adviser recorded it. */
async function reportChannel(db: Kysely<Database>, notification: AgencyNotification): Promise<ReportChannel | null> {
  const channel = notification.payload.channel;
  if (channel === 'online') return 'online';
  if (channel !== 'assisted') return null;
  const row = await sql<{ mode: string | null }>`
    select s.envelope -> 'consentGivenBy' ->> 'mode' as mode
    from deliveries d join submissions s on s.id = d.submission_id where d.id = ${notification.id}
  `.execute(db);
  const mode = assistedModes.find((candidate) => candidate === row.rows[0]?.mode);
  return mode ?? 'assisted';
}

/**
 * The adviser who took an assisted report, from its verification checks (`by: adviser:<staff id>`):
 * by staff id and their customer centre only, as an officer works for another organisation.
 */
function adviserOf(notification: AgencyNotification): NotificationFacts['adviser'] {
  const check = payloadVerification(notification.payload)?.checks.find((candidate) =>
    candidate.by.startsWith('adviser:'),
  );
  if (!check) return null;
  const recorded = (check.detail ?? []).filter((code): code is IdentityCheck =>
    (identityChecks as readonly string[]).includes(code),
  );
  return { staffId: check.by.slice('adviser:'.length), identityChecks: recorded };
}

/** The UPRN of each routed address that came with one, labelled for the officer. */
function uprnsOf(notification: AgencyNotification): NotificationFacts['uprns'] {
  const answers = (notification.payload.answers ?? {}) as Record<string, AnswerValue | undefined>;
  return getJourney(notification.lifeEvent)
    .pages.flatMap((page) => page.fields)
    .flatMap((field) => {
      const value = answers[field.name];
      return typeof value === 'object' && !Array.isArray(value) && value.uprn
        ? [{ label: fieldLabelFor(field, 'officer'), uprn: value.uprn }]
        : [];
    });
}

/**
 * Both targets' last days, by the organisation's own targets when an admin set them; a step is late
 * when done after its last day, or not done once the day is over.
 */
async function targetsOf(
  db: Kysely<Database>,
  deps: TargetDeps,
  organisation: OrganisationScope,
  notification: AgencyNotification,
): Promise<NotificationFacts['targets']> {
  const own = (await readSettings(db, [organisation.id])).get(organisation.id)?.targets;
  const target = targetFor(deps.serviceLevels, notification.agency, notification.lifeEvent, own);
  const delivered = new Date(notification.deliveredAt);
  const today = londonDate(deps.now);
  const date = (days: number, doneAt: string | null, flagged: boolean): TargetDate => {
    const by = deadlineDate(deps.calendar, delivered, days);
    const late = doneAt ? londonDate(new Date(doneAt)) > by : today > by;
    return { by, missed: flagged || late };
  };
  return {
    acknowledge: date(
      target.acknowledgeDays,
      notification.acknowledgedAt,
      notification.missedTargets.includes('acknowledge'),
    ),
    action: date(target.actionDays, notification.actionedAt, notification.missedTargets.includes('action')),
  };
}

/**
 * What the notification page says beyond the answers: how the report was made and by which adviser,
 * the UPRN, who moved it on, and its target dates. Each only where the organisation's kind is shown it.
 */
export async function notificationFacts(
  db: Kysely<Database>,
  deps: TargetDeps,
  organisation: OrganisationScope,
  notification: AgencyNotification,
): Promise<NotificationFacts> {
  const shows = (fact: Parameters<typeof showsFact>[1]) => showsFact(organisation.kind, fact);
  const [channel, handled, targets] = await Promise.all([
    shows('channel') ? reportChannel(db, notification) : null,
    shows('handling') ? handlers(db, organisation, notification.id) : { acknowledgedBy: null, actionedBy: null },
    shows('targets') ? targetsOf(db, deps, organisation, notification) : null,
  ]);
  return {
    channel,
    adviser: shows('adviser') ? adviserOf(notification) : null,
    uprns: shows('uprn') ? uprnsOf(notification) : [],
    ...handled,
    targets,
  };
}
