import { chosenChannel } from '@tuo/shared/api/organisation-channels';
import type { AddJobsJobSpec, CronItem, Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { alertSchedules } from '../channels/email-alert-settings.js';
import { scheduleMatches } from '../channels/channel-schedules.js';
import type { Database } from '../db/database.js';
import { fileQueueName, SEND_AGENCY_FILE } from './send-agency-file-task.js';
import { alertQueueName, SEND_AGENCY_ALERT } from './send-agency-alert-task.js';

/** The cron task that queues each organisation's own file runs and alerts on their own schedules. */
export const SCHEDULE_ORGANISATION_CHANNELS = 'schedule_organisation_channels';

/**
 * Every minute, and for an hour back after the workers were all down (graphile-worker backfills
 * the minutes it missed, each once), so a schedule an admin set in the console is kept without a
 * restart and a run missed during an outage still happens.
 */
export const organisationChannelCronItems: CronItem[] = [
  {
    task: SCHEDULE_ORGANISATION_CHANNELS,
    match: '* * * * *',
    identifier: SCHEDULE_ORGANISATION_CHANNELS,
    options: { backfillPeriod: 60 * 60 * 1000 },
  },
];

/** The payload graphile-worker gives a cron job: the minute it is for. Re-parsed on entry. */
const payloadSchema = z.looseObject({ _cron: z.looseObject({ ts: z.iso.datetime({ offset: true }) }).optional() });

/**
 * Queues, for the minute the job is for, a file run for each organisation told by its own
 * scheduled file whose cron line matches, and an alert for each with its own team mailbox whose
 * frequency does (every minute, or 08:00 UTC), all in one `addJobs` statement. A job key per
 * organisation and task means a run still waiting is not queued twice (an unlocked one is updated in
 * place); its queue keeps one organisation's runs one at a time.
 */
export function createScheduleOrganisationChannelsTask(deps: { db: Kysely<Database>; now?: () => Date }): Task {
  return async (rawPayload, helpers) => {
    const payload = payloadSchema.parse(rawPayload ?? {});
    const at = payload._cron ? new Date(payload._cron.ts) : (deps.now ?? (() => new Date()))();
    const rows = await deps.db
      .selectFrom('organisation_settings as os')
      .innerJoin('organisations as o', 'o.id', 'os.organisation_id')
      .select(['o.id', 'o.kind', 'o.fallback', 'os.primary_channel', 'os.webhook_url', 'os.file_sftp_url'])
      .select(['os.file_schedule', 'os.alert_frequency'])
      .where((eb) => eb.or([eb('os.file_sftp_url', 'is not', null), eb('os.alert_email', 'is not', null)]))
      .execute();
    const jobs: AddJobsJobSpec[] = rows.flatMap((row) => {
      const channel = chosenChannel({
        primaryChannel: row.primary_channel ?? undefined,
        webhook: row.webhook_url,
        file: row.file_sftp_url,
      });
      const file: AddJobsJobSpec[] =
        channel === 'file' && row.file_schedule && scheduleMatches(row.file_schedule, at)
          ? [
              {
                identifier: SEND_AGENCY_FILE,
                payload: { organisationId: row.id },
                queueName: fileQueueName(row),
                jobKey: `${SEND_AGENCY_FILE}:${row.id}`,
                maxAttempts: 10,
              },
            ]
          : [];
      const alert: AddJobsJobSpec[] =
        row.alert_frequency && scheduleMatches(alertSchedules[row.alert_frequency], at)
          ? [
              {
                identifier: SEND_AGENCY_ALERT,
                payload: { organisationId: row.id },
                queueName: alertQueueName(row),
                jobKey: `${SEND_AGENCY_ALERT}:${row.id}`,
                maxAttempts: 5,
              },
            ]
          : [];
      return [...file, ...alert];
    });
    // One statement for every organisation due this minute, however many there are.
    if (jobs.length > 0) await helpers.addJobs(jobs);
  };
}
