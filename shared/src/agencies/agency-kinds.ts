import { z } from 'zod';
import { agencyKinds } from './agency-descriptions.js';

export { agencies, agencyKinds } from './agency-descriptions.js';
export type { AgencyDescription, AgencyKind } from './agency-descriptions.js';

/** Validates an agency id, with a message a resident or an API client can act on. */
export const agencyKindSchema = z.enum(agencyKinds, { error: 'Select a service from the list' });
