import { getJourney, routedFields, type AgencyKind, type DeliveryRole, type LifeEventId } from '@tuo/shared';
import type { AgencyNotification } from '@tuo/shared/api/agency-notifications';

/** A row of `submission_corrections` as the inbox reads it: when, and the names of every field it changed. */
export interface StoredCorrection {
  at: string;
  fields: string[];
}

/**
 * The corrections an organisation is told of, oldest first: of each, only the fields routed to it
 * (in its role, for one part of a split rule), since it never received the others and may not
 * learn that they exist; a correction that changed none of its fields is left out. Undefined when
 * none is left, so a notification never corrected for it carries no `corrections` at all.
 */
export function ownCorrections(
  notification: { lifeEvent: LifeEventId; agency: AgencyKind; role: DeliveryRole | null },
  stored: readonly StoredCorrection[] | null,
): AgencyNotification['corrections'] {
  const routed = routedFields(getJourney(notification.lifeEvent), notification.agency, notification.role ?? undefined);
  const own = (stored ?? [])
    .map((correction) => ({
      at: new Date(correction.at).toISOString(),
      fields: correction.fields.filter((field) => routed.includes(field)),
    }))
    .filter((correction) => correction.fields.length > 0)
    .sort((a, b) => a.at.localeCompare(b.at));
  return own.length > 0 ? own : undefined;
}
