/** How a message reaches a resident, and where a confirmation code goes: by email or by text. */
export const messageChannels = ['email', 'sms'] as const;

/** One of {@link messageChannels}. */
export type MessageChannel = (typeof messageChannels)[number];

/** What a message to the resident is: the receipt of a report (`confirmation`), or its 6-digit code. */
export const residentMessageKinds = ['confirmation', 'confirmation-code'] as const;

/** One of {@link residentMessageKinds}. */
export type ResidentMessageKind = (typeof residentMessageKinds)[number];

/**
 * Where a message to the resident stands: `held` until its report is confirmed (then `queued`, or
 * `expired` when it never is), `sending` while claimed, then `sent` through GOV.UK Notify,
 * `recorded` (no Notify configured: kept, not sent) or `failed`.
 */
export const residentMessageStatuses = ['held', 'queued', 'sending', 'sent', 'recorded', 'failed', 'expired'] as const;

/** One of {@link residentMessageStatuses}. */
export type ResidentMessageStatus = (typeof residentMessageStatuses)[number];
