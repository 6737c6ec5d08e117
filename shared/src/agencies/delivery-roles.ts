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
