import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { deliveryRoleSchema } from '../agencies/delivery-roles.js';
import { lifeEventIdSchema } from '../journeys/catalogue.js';

const timestamp = z.iso.datetime({ offset: true });

/** A delivery that needs watching: failed, or still waiting to get through. */
export const troubledDeliverySchema = z.strictObject({
  id: z.uuid(),
  reference: z.string(),
  agency: agencyKindSchema,
  /** The organisation told, by name. */
  organisation: z.string(),
  /** When a move tells two of the kind: `leaving` for the old council, `joining` for the new. */
  role: deliveryRoleSchema.optional(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  statusChangedAt: timestamp,
});

/** `GET /api/staff/dashboard` response. */
export const dashboardSchema = z.strictObject({
  /** Today in the UK, as `YYYY-MM-DD`. */
  today: z.string(),
  submissionsToday: z.array(
    z.strictObject({ lifeEvent: lifeEventIdSchema, channel: z.string(), count: z.number().int() }),
  ),
  failing: z.array(troubledDeliverySchema),
  waiting: z.array(troubledDeliverySchema),
  /** Per organisation, the notification delivered longest ago that nobody there has acknowledged. */
  oldestUnacknowledged: z.array(
    z.strictObject({
      agency: agencyKindSchema,
      organisation: z.string(),
      reference: z.string(),
      deliveredAt: timestamp,
    }),
  ),
  /** Notifications flagged past their target and still not acknowledged / actioned. */
  missedTargets: z.strictObject({ acknowledge: z.number().int(), action: z.number().int() }),
  /** Residents' requests to chase that nobody has picked up yet. */
  openChaseRequests: z.number().int(),
});

/** The dashboard. */
export type Dashboard = z.infer<typeof dashboardSchema>;
