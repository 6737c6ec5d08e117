import { agencyKinds, type AgencyKind } from '@tuo/shared';
import type { Config } from '../config.js';
import type { AgencyAdapter } from './agency-adapter.js';
import { kindFileColumns } from './file-columns.js';
import { createRoutedAdapter } from './routed-adapter.js';

/** Every agency's adapter. A `Record`, so adding an agency id without an adapter does not compile. */
export type AdapterRegistry = Record<AgencyKind, AgencyAdapter>;

/** Where an agency's current webhook signing secrets come from, given its configured one. */
export type SigningSecretSource = (agency: AgencyKind, configured: string) => Promise<string[]>;

/**
 * Builds the adapters from configuration: a webhook where one is set, the inbox otherwise. With
 * `signingSecrets` (the worker passes the database's, see agency/webhook-secrets.ts), webhooks are
 * signed with the agency's rotated secrets; without, with the configured one.
 */
export function createAdapterRegistry(
  config: Pick<Config, 'agencies' | 'delivery'>,
  signingSecrets?: SigningSecretSource,
): AdapterRegistry {
  const settings = (agency: AgencyKind) => ({
    ...config.agencies[agency],
    timeoutMs: config.delivery.timeoutMs,
    ...(signingSecrets ? { signingSecrets: (configured: string) => signingSecrets(agency, configured) } : {}),
  });
  // Derived from the kind ids: every kind is the routed adapter, with its own file columns.
  return Object.fromEntries(
    agencyKinds.map((kind) => [kind, createRoutedAdapter(kind, settings(kind), kindFileColumns[kind])]),
  ) as AdapterRegistry;
}
