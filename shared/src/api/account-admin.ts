import { z } from 'zod';
import { agencyRoles } from './agency-portal.js';
import { staffRoles } from './staff-session.js';

/** Every role an account can hold: the customer centre's (`staffRoles`) and the agency portal's (`agencyRoles`). */
export const accountRoles = [...staffRoles, ...agencyRoles] as const;

/** One of {@link accountRoles}. */
export type AccountRole = (typeof accountRoles)[number];

/** The name an account is shown by to colleagues: 1 to 100 characters, spaces trimmed. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name' })
  .max(100, { error: 'A name must be 100 characters or fewer' });

/** One account as an administrator sees it: never its password or second factor, only whether it has one. */
export const adminAccountSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  /** The name colleagues see it by; null until set (the email address stands in). */
  displayName: z.string().nullable(),
  role: z.string(),
  /** The agency of a portal account; null for customer-centre staff. */
  agency: z.string().nullable(),
  disabled: z.boolean(),
  secondFactor: z.boolean(),
  createdAt: z.string(),
});

/** One account in an administrator's list. */
export type AdminAccount = z.infer<typeof adminAccountSchema>;

/** A change an administrator makes to one account. */
export const accountChangeSchema = z.discriminatedUnion('change', [
  z.strictObject({ change: z.literal('disable') }),
  z.strictObject({ change: z.literal('enable') }),
  z.strictObject({ change: z.literal('reset-second-factor') }),
  z.strictObject({ change: z.literal('role'), role: z.string() }),
  z.strictObject({ change: z.literal('name'), name: displayNameSchema }),
]);

/** `POST …/accounts/{id}` body. */
export type AccountChange = z.infer<typeof accountChangeSchema>;
