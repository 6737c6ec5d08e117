import type { DeliveryOutcome, Transport } from '../agency-adapter.js';

/**
 * For agencies that import files: the notification (its payload stored, sealed, with the delivery)
 * waits for the agency's next scheduled file; the file run (channels/file) delivers it.
 */
export function createFileTransport(): Transport {
  return {
    kind: 'file',
    send(): Promise<DeliveryOutcome> {
      return Promise.resolve({ kind: 'held', detail: "Waiting for the agency's next scheduled file" });
    },
    // Like the inbox: the portal and API show a withdrawal or correction when the notification is read.
    sendEvent(): Promise<DeliveryOutcome> {
      return Promise.resolve({ kind: 'delivered' });
    },
  };
}
