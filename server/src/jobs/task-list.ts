import type { TaskList } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { databaseSigningSecrets } from '../agency/webhook-secrets.js';
import { createProtectedValues } from '../privacy/protected-values.js';
import { createDeliverToAgencyTask } from './deliver-to-agency-task.js';
import {
  DELIVER_TO_AGENCY,
  ERASE_EXPIRED_ANSWERS,
  EXPIRE_UNCONFIRMED,
  REMOVE_EXPIRED_RECORDS,
  RESEAL_PROTECTED_DATA,
  SEND_RESIDENT_MESSAGE,
  SEND_SAVED_FORM_LINK,
  SEND_SIGN_IN_ALERT,
} from './job-names.js';
import { createEraseExpiredAnswersTask } from './erase-expired-answers-task.js';
import { createExpireUnconfirmedTask } from './expire-unconfirmed-task.js';
import { createResealProtectedDataTask } from './reseal-protected-data-task.js';
import { createRemoveExpiredRecordsTask } from './remove-expired-records-task.js';
import { createSendResidentMessageTask } from './send-resident-message-task.js';
import { createSendSavedFormLinkTask } from './send-saved-form-link-task.js';
import { createSendAgencyFileTask, SEND_AGENCY_FILE } from './send-agency-file-task.js';
import { createSendAgencyAlertTask, SEND_AGENCY_ALERT } from './send-agency-alert-task.js';
import { createSendSignInAlertTask } from './send-sign-in-alert-task.js';
import {
  createScheduleOrganisationChannelsTask,
  SCHEDULE_ORGANISATION_CHANNELS,
} from './organisation-channel-schedule-task.js';
import { agencyKinds } from '@tuo/shared';
import {
  FLAG_MISSED_TARGETS,
  REFRESH_FIGURES,
  SEND_MISSED_TARGET_EVENT,
} from '../service-levels/service-level-jobs.js';
import { createRefreshFiguresTask } from './refresh-figures-task.js';
import { englandAndWales } from '../service-levels/working-days.js';
import { createFlagMissedTargetsTask } from './flag-missed-targets-task.js';
import { createSendMissedTargetEventTask } from './send-missed-target-event-task.js';
import { SEND_NOTIFICATION_EVENT } from './notification-event-job.js';
import { createAdapterRegistry } from '../adapters/adapter-registry.js';
import { createSendNotificationEventTask } from './send-notification-event-task.js';
import { organisationWebhooksFrom } from '../deliveries/organisation-adapter.js';

/**
 * Every queue task this service runs, by snake_case name. Tasks re-parse their payload with zod
 * on entry, since a job may have been queued by older code.
 */
export function createTaskList(deps: {
  db: Kysely<Database>;
  config: Pick<
    Config,
    | 'delivery'
    | 'notify'
    | 'accounts'
    | 'publicUrl'
    | 'savedJourneys'
    | 'agencies'
    | 'serviceLevels'
    | 'protectedDataKeys'
    | 'retention'
    | 'sessionSecret'
  >;
  now?: () => Date;
}): TaskList {
  const privacy = createProtectedValues(deps.config.protectedDataKeys);
  // Events about notifications go the way the notifications went (deliveries/organisation-adapter.ts):
  // for a kind's fallback, its configured webhook signed by its current (rotated) secrets.
  const adapters = createAdapterRegistry(deps.config, databaseSigningSecrets(deps.db, deps.config.sessionSecret));
  const webhooks = organisationWebhooksFrom(deps.db, deps.config);
  return {
    [DELIVER_TO_AGENCY]: createDeliverToAgencyTask({ db: deps.db }),
    [SEND_NOTIFICATION_EVENT]: createSendNotificationEventTask({
      db: deps.db,
      adapters,
      privacy,
      policy: deps.config.delivery,
      webhooks,
    }),
    [SEND_RESIDENT_MESSAGE]: createSendResidentMessageTask({ db: deps.db, privacy, config: deps.config }),
    [SEND_SAVED_FORM_LINK]: createSendSavedFormLinkTask({ db: deps.db, config: deps.config }),
    [SEND_SIGN_IN_ALERT]: createSendSignInAlertTask({ db: deps.db, config: deps.config }),
    [REMOVE_EXPIRED_RECORDS]: createRemoveExpiredRecordsTask({ db: deps.db }),
    [ERASE_EXPIRED_ANSWERS]: createEraseExpiredAnswersTask({
      db: deps.db,
      retentionDays: deps.config.retention.answersDays,
    }),
    [EXPIRE_UNCONFIRMED]: createExpireUnconfirmedTask({ db: deps.db }),
    [RESEAL_PROTECTED_DATA]: createResealProtectedDataTask({ db: deps.db, privacy }),
    [FLAG_MISSED_TARGETS]: createFlagMissedTargetsTask({
      db: deps.db,
      serviceLevels: deps.config.serviceLevels,
      calendar: englandAndWales,
      now: deps.now ?? (() => new Date()),
      webhookAgencies: new Set(agencyKinds.filter((agency) => deps.config.agencies[agency].webhook)),
    }),
    [REFRESH_FIGURES]: createRefreshFiguresTask({
      db: deps.db,
      calendar: englandAndWales,
      now: deps.now ?? (() => new Date()),
    }),
    [SEND_AGENCY_FILE]: createSendAgencyFileTask({
      db: deps.db,
      // Only the kinds' file column labels are read from these.
      adapters: createAdapterRegistry(deps.config),
      privacy,
      config: deps.config,
      timeoutMs: deps.config.delivery.timeoutMs,
    }),
    [SEND_AGENCY_ALERT]: createSendAgencyAlertTask({ db: deps.db, config: deps.config }),
    [SCHEDULE_ORGANISATION_CHANNELS]: createScheduleOrganisationChannelsTask({
      db: deps.db,
      ...(deps.now ? { now: deps.now } : {}),
    }),
    [SEND_MISSED_TARGET_EVENT]: createSendMissedTargetEventTask({
      db: deps.db,
      serviceLevels: deps.config.serviceLevels,
      calendar: englandAndWales,
      adapters,
      webhooks,
    }),
  };
}
