import { z } from 'zod';
import { agencyIds } from './agency-descriptions.js';

export { agencies, agencyIds } from './agency-descriptions.js';
export type { AgencyDescription, AgencyId } from './agency-descriptions.js';

/** Validates an agency id, with a message a resident or an API client can act on. */
export const agencyIdSchema = z.enum(agencyIds, { error: 'Select a service from the list' });
