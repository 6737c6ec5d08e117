import type { FileColumnLabels } from '../../channels/file/agency-file.js';
import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/** Its scheduled files' fixed columns. Housing management systems take tenancy events. */
export const housingProviderFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Tenancy event',
  submittedAt: 'Date reported',
  channel: 'Reported by',
};

/**
 * Social housing: the council's landlord service or a housing association, for tenancies that end, start or change.
 */
export function createHousingProviderAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('housing-provider', settings, housingProviderFileColumns);
}
