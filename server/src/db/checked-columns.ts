import { agencyKinds, deliveryRoles, lifeEventIds } from '@tuo/shared';
import { accountRoles } from '@tuo/shared/api/account-admin';
import { actorTypes } from '@tuo/shared/api/admin-audit';
import { erasureKinds } from '@tuo/shared/api/erasure-kinds';
import { messageChannels, residentMessageKinds, residentMessageStatuses } from '@tuo/shared/api/resident-messages';
import { deliveryTransports } from '@tuo/shared/api/staff-submissions';
import { chaseStatuses, targetKinds } from '@tuo/shared/api/chase-requests';
import { alertFrequencies, fileFormats, primaryChannels } from '@tuo/shared/api/organisation-channels';
import {
  confirmationStatuses,
  deliveryEventStatuses,
  deliveryStatuses,
  holdReasons,
} from '@tuo/shared/api/submissions';
import { channels, languages } from '@tuo/shared/submission/channel';
import { verificationLevels } from '@tuo/shared/verification/verification';
import type { SelectType } from 'kysely';
import type { Database } from './database.js';
import {
  alertStatuses,
  fileRunStatuses,
  notificationEventKinds,
  notificationEventStatuses,
  withdrawers,
} from './row-states.js';

type Element<T> = T extends readonly (infer E)[] ? E : T;

/**
 * A column the database checks against one of the lists its type comes from: each value (each
 * element, for an `array` column) is one of `values`; null stays allowed where the column allows it.
 */
export type CheckedColumn = {
  [T in keyof Database]: {
    [C in keyof Database[T] & string]: {
      readonly table: T;
      readonly column: C;
      readonly values: readonly (NonNullable<Element<SelectType<Database[T][C]>>> & string)[];
      readonly array?: true;
    };
  }[keyof Database[T] & string];
}[keyof Database];

/**
 * Every column holding one of a closed list of values, with the list its type is made from. Adding
 * a value to a list (a kind, a status) needs a migration changing the column's check: the
 * integration test `column-checks.test.ts` fails until the database allows exactly these, and
 * `npm run db:column-checks -- <migration name>` writes that migration.
 */
export const checkedColumns: readonly CheckedColumn[] = [
  { table: 'organisations', column: 'kind', values: agencyKinds },
  { table: 'deliveries', column: 'agency', values: agencyKinds },
  { table: 'file_runs', column: 'agency', values: agencyKinds },
  { table: 'agency_alerts', column: 'agency', values: agencyKinds },
  { table: 'agency_api_keys', column: 'agency', values: agencyKinds },
  { table: 'agency_webhook_secrets', column: 'agency', values: agencyKinds },
  { table: 'staff_users', column: 'agency', values: agencyKinds },
  { table: 'staff_users', column: 'role', values: accountRoles },
  { table: 'submissions', column: 'life_event', values: lifeEventIds },
  { table: 'submissions', column: 'channel', values: channels },
  { table: 'submissions', column: 'language', values: languages },
  { table: 'submissions', column: 'confirmation', values: confirmationStatuses },
  { table: 'submissions', column: 'withdrawn_by', values: withdrawers },
  { table: 'saved_journeys', column: 'life_event', values: lifeEventIds },
  { table: 'deliveries', column: 'status', values: deliveryStatuses },
  { table: 'deliveries', column: 'role', values: deliveryRoles },
  { table: 'deliveries', column: 'held_for', values: holdReasons },
  { table: 'delivery_events', column: 'status', values: deliveryEventStatuses },
  { table: 'notification_events', column: 'kind', values: notificationEventKinds },
  { table: 'notification_events', column: 'status', values: notificationEventStatuses },
  { table: 'file_runs', column: 'status', values: fileRunStatuses },
  { table: 'file_runs', column: 'format', values: fileFormats },
  { table: 'agency_alerts', column: 'status', values: alertStatuses },
  { table: 'chase_requests', column: 'target', values: targetKinds },
  { table: 'chase_requests', column: 'status', values: chaseStatuses },
  { table: 'submitter_keys', column: 'level', values: verificationLevels },
  { table: 'organisation_settings', column: 'verification_minimum', values: verificationLevels },
  { table: 'organisation_settings', column: 'primary_channel', values: primaryChannels },
  { table: 'organisation_settings', column: 'file_format', values: fileFormats },
  { table: 'organisation_settings', column: 'alert_frequency', values: alertFrequencies },
  { table: 'figures_delivery_days', column: 'agency', values: agencyKinds },
  { table: 'figures_delivery_days', column: 'life_event', values: lifeEventIds },
  { table: 'figures_delivery_days', column: 'channel', values: channels },
  { table: 'figures_delivery_days', column: 'step', values: targetKinds },
  { table: 'figures_report_days', column: 'life_event', values: lifeEventIds },
  { table: 'figures_report_days', column: 'channel', values: channels },
  { table: 'figures_report_days', column: 'told_agencies', values: agencyKinds, array: true },
  { table: 'deliveries', column: 'transport', values: deliveryTransports },
  { table: 'submissions', column: 'erasure_kind', values: erasureKinds },
  { table: 'resident_messages', column: 'kind', values: residentMessageKinds },
  { table: 'resident_messages', column: 'channel', values: messageChannels },
  { table: 'resident_messages', column: 'status', values: residentMessageStatuses },
  { table: 'confirmation_codes', column: 'channel', values: messageChannels },
  { table: 'audit_events', column: 'actor_type', values: actorTypes },
];
