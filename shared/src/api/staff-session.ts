import { z } from 'zod';

/**
 * Staff roles, least to most trusted. Each role can do everything the roles before it can:
 * advisers search, view and assist; supervisors also repair deliveries; admins also read the audit log.
 */
export const staffRoles = ['adviser', 'supervisor', 'admin'] as const;

/** One of {@link staffRoles}. */
export type StaffRole = (typeof staffRoles)[number];

/** Validates a staff role. */
export const staffRoleSchema = z.enum(staffRoles);

/** True when `role` may do what `needed` may. */
export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return staffRoles.indexOf(role) >= staffRoles.indexOf(needed);
}

/** The signed-in staff member, as the console shows them. */
export const staffUserSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  role: staffRoleSchema,
});

/** The signed-in staff member. */
export type StaffUser = z.infer<typeof staffUserSchema>;

/** How an assisted transaction is happening. */
export const assistedModes = ['phone', 'face-to-face'] as const;

/** One of {@link assistedModes}. */
export type AssistedMode = (typeof assistedModes)[number];

/** The identity checks an adviser can record (codes only: never the documents themselves). */
export const identityChecks = [
  'photo-id',
  'proof-of-address',
  'security-questions',
  'called-back-on-known-number',
] as const;

/** One of {@link identityChecks}. */
export type IdentityCheck = (typeof identityChecks)[number];

/** The identity checks an adviser can make in each way of helping: no photo ID on the phone, no call back face to face. */
export const identityChecksFor: Readonly<Record<AssistedMode, readonly IdentityCheck[]>> = {
  phone: ['security-questions', 'called-back-on-known-number'],
  'face-to-face': ['photo-id', 'proof-of-address', 'security-questions'],
};

const checkNames: Record<IdentityCheck, string> = {
  'photo-id': 'Photo ID',
  'proof-of-address': 'Proof of address',
  'security-questions': 'Security questions',
  'called-back-on-known-number': 'A call back on a number we hold',
};
const modeNames: Record<AssistedMode, string> = { phone: 'on the phone', 'face-to-face': 'face to face' };

const startAssistedFields = z.strictObject({
  mode: z.enum(assistedModes, { error: 'Select how you are helping the resident' }),
  identityChecks: z
    .array(z.enum(identityChecks))
    .min(1, { error: "Select the checks you made of the resident's identity" }),
  consentConfirmed: z.literal(true, { error: 'Confirm the resident agreed that you act for them' }),
});

/** `POST /api/staff/assisted` body: what the adviser confirms before acting for a resident; the checks must fit the way of helping. */
export const startAssistedRequestSchema = startAssistedFields.superRefine((request, ctx) => {
  for (const check of request.identityChecks) {
    if (!identityChecksFor[request.mode].includes(check))
      ctx.addIssue({
        code: 'custom',
        path: ['identityChecks'],
        message: `${checkNames[check]} cannot be checked ${modeNames[request.mode]}: select only checks you made ${modeNames[request.mode]}`,
      });
  }
});

/** What an adviser recorded at the start of an assisted transaction. */
export type StartAssistedRequest = z.infer<typeof startAssistedRequestSchema>;

/** An assisted transaction in progress: kept in the adviser's session until they end it. */
export const assistedContextSchema = startAssistedFields.extend({ startedAt: z.iso.datetime({ offset: true }) });

/** An assisted transaction in progress. */
export type AssistedContext = z.infer<typeof assistedContextSchema>;

/** `GET /api/staff/session` and `POST /api/staff/sign-in` response. */
export const staffSessionResponseSchema = z.strictObject({
  /** Send as `x-csrf-token` with every state-changing request. */
  csrfToken: z.string(),
  user: staffUserSchema.nullable(),
  assisting: assistedContextSchema.nullable(),
  /** After a right password for an account with a second factor: send its code to `POST /api/staff/sign-in/code`. */
  awaiting: z.literal('second-factor').optional(),
});

/** The caller's staff session. */
export type StaffSessionResponse = z.infer<typeof staffSessionResponseSchema>;
