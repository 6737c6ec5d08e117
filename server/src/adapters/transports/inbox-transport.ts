import type { DeliveryOutcome, Transport } from '../agency-adapter.js';

/**
 * For agencies without a webhook: the notification (already stored with the delivery) waits in
 * the agency's inbox, where its systems pull it over the API or its staff read it in the portal.
 */
export function createInboxTransport(): Transport {
  return {
    kind: 'inbox',
    send(): Promise<DeliveryOutcome> {
      return Promise.resolve({ kind: 'delivered' });
    },
    // The inbox, the API and the portal show a withdrawal or correction when the notification is read.
    sendEvent(): Promise<DeliveryOutcome> {
      return Promise.resolve({ kind: 'delivered' });
    },
  };
}
