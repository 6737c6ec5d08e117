import { z } from 'zod';
import { canonicalReferenceSchema } from '../identifiers/reference.js';

/** Error messages of withdrawing a report; their English is the key the client translates them by. */
export const withdrawalMessages = {
  reasonMissing: 'Enter why you are withdrawing this report',
  reasonTooLong: 'Why you are withdrawing it must be 500 characters or fewer',
} as const;

/** Why a report is withdrawn: kept for the customer centre, never sent to the services. */
export const withdrawalReasonSchema = z
  .string({ error: withdrawalMessages.reasonMissing })
  .trim()
  .min(1, { error: withdrawalMessages.reasonMissing })
  .max(500, { error: withdrawalMessages.reasonTooLong });

/** `POST /api/submissions/{reference}/withdrawal` body. */
export const withdrawalRequestSchema = z.strictObject({
  reason: withdrawalReasonSchema.meta({
    description: 'Why the report is withdrawn (for the customer centre; never sent to the services)',
  }),
});

/** A withdrawal's answer: when the report was withdrawn (the first time, if asked again). */
export const withdrawalResponseSchema = z.strictObject({
  reference: canonicalReferenceSchema,
  withdrawnAt: z.iso.datetime({ offset: true }),
});

/** A withdrawal's answer. */
export type WithdrawalResponse = z.infer<typeof withdrawalResponseSchema>;

/** Whether, when and by whom a report was withdrawn, as the services and the resident see it. */
export const withdrawnSchema = z
  .strictObject({
    at: z.iso.datetime({ offset: true }),
    by: z.enum(['resident', 'staff']),
  })
  .nullable()
  .meta({
    description:
      'Set once the report is withdrawn ("Withdrawn: do not act"): by the resident or by the customer centre. Webhook agencies already told are also sent `{agency}.notification.withdrawn`',
  });
