import { z } from 'zod';

/**
 * Why one of two organisations of a kind is told about one submission, when a move spans two of
 * their areas: `leaving` is the organisation of the home left (the old council, to close the
 * account), `joining` that of the home moved to (the new council, to open one). A delivery with no
 * role is the kind's only one for its submission.
 */
export const deliveryRoles = ['leaving', 'joining'] as const;

/** One of {@link deliveryRoles}. */
export type DeliveryRole = (typeof deliveryRoles)[number];

/** Validates a delivery role. */
export const deliveryRoleSchema = z.enum(deliveryRoles);

/**
 * One delivery of a submission, named by its kind and role for forms and links (`council`,
 * `council-leaving`): a submission has at most one delivery per kind and role.
 */
export function deliveryKey(agency: string, role?: DeliveryRole | null): string {
  return role ? `${agency}-${role}` : agency;
}

/** The kind and role a {@link deliveryKey} names, given the kinds there are; undefined for anything else. */
export function parseDeliveryKey<Kind extends string>(
  kinds: readonly Kind[],
  key: string,
): { agency: Kind; role?: DeliveryRole } | undefined {
  for (const agency of kinds) {
    if (key === agency) return { agency };
    const role = deliveryRoles.find((r) => key === `${agency}-${r}`);
    if (role) return { agency, role };
  }
  return undefined;
}
