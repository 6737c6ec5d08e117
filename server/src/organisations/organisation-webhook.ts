import { openSecret, sealSecret } from '../console/sealed-secret.js';

// An organisation's own webhook secret is sealed under a key derived from SESSION_SECRET and the
// organisation's id, so a copy of the database signs nothing, and a secret sealed for one
// organisation cannot be passed off as another's.
const purpose = 'organisation-webhook';

/** Seals an organisation's webhook secret for storage. */
export const sealOrganisationWebhookSecret = (sealingSecret: string, organisationId: string, secret: string) =>
  sealSecret(sealingSecret, purpose, organisationId, secret);

/** Opens an organisation's sealed webhook secret; undefined if sealed under another key or altered. */
export const openOrganisationWebhookSecret = (sealingSecret: string, organisationId: string, sealed: string) =>
  openSecret(sealingSecret, purpose, organisationId, sealed);
