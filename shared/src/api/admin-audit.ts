import { z } from 'zod';

/**
 * Who an audit line says acted: a resident, customer-centre staff, an agency system (by its API
 * key), an agency portal user, a trusted submitter (by its key), or the portal itself.
 */
export const actorTypes = ['resident', 'staff', 'agency', 'agency-user', 'submitter', 'system'] as const;

/** One of {@link actorTypes}. */
export type ActorType = (typeof actorTypes)[number];

/** `GET /api/admin/audit` query: filters combine; pages go back in time with `before`. */
export const auditQuerySchema = z.strictObject({
  actorId: z.string().trim().min(1).max(100).optional(),
  /** A staff or agency portal account's email, in any case: what that person did. */
  email: z.string().trim().min(3).max(254).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  reference: z.string().trim().min(1).max(20).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The `nextBefore` of the previous page. */
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Audit log filters. */
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One line of the audit log. */
export const auditEventSchema = z.strictObject({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actorType: z.enum(actorTypes),
  actorId: z.string().nullable(),
  /** The staff member's email, when the actor is staff. */
  actorEmail: z.string().nullable(),
  action: z.string(),
  reference: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** One line of the audit log. */
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** `GET /api/admin/audit` response: newest first. */
export const auditPageSchema = z.strictObject({ events: z.array(auditEventSchema), nextBefore: z.string().nullable() });

/** A page of the audit log. */
export type AuditPage = z.infer<typeof auditPageSchema>;
