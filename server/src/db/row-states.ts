/**
 * The values of columns only the server reads (the shared contract's lists, such as `agencyKinds`
 * and `deliveryStatuses`, type the others). The database checks each (see checked-columns.ts).
 */

/** A scheduled file run: its records claimed, then its file uploaded. */
export const fileRunStatuses = ['claimed', 'uploaded'] as const;

/** One of {@link fileRunStatuses}. */
export type FileRunStatus = (typeof fileRunStatuses)[number];

/** An email alert: queued, sent through GOV.UK Notify, recorded as sent, or failed. */
export const alertStatuses = ['queued', 'sent', 'recorded', 'failed'] as const;

/** One of {@link alertStatuses}. */
export type AlertStatus = (typeof alertStatuses)[number];

/** An event about a notification already delivered by webhook. */
export const notificationEventKinds = ['withdrawn', 'corrected'] as const;

/** One of {@link notificationEventKinds}. */
export type NotificationEventKind = (typeof notificationEventKinds)[number];

/** Where a notification event stands (`cancelled`: the notification itself never went). */
export const notificationEventStatuses = ['queued', 'sending', 'delivered', 'failed', 'cancelled'] as const;

/** One of {@link notificationEventStatuses}. */
export type NotificationEventStatus = (typeof notificationEventStatuses)[number];

/** Who withdrew a report. */
export const withdrawers = ['resident', 'staff'] as const;

/** One of {@link withdrawers}. */
export type Withdrawer = (typeof withdrawers)[number];
