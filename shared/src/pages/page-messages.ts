import { chaseMessages } from '../api/chase-requests.js';
import { referenceMessage } from '../identifiers/reference.js';
import { withdrawalMessages } from '../api/withdrawals.js';

/**
 * Error messages of the resident pages that are not questions of a journey. The server shows
 * them and the client translates them (their English is the key), so they live here, where
 * both, and the test that keeps the English messages file complete, can read them.
 */
export const pageMessages = {
  chooseLifeEvent: 'Select what has happened',
  declaration: 'Select that you confirm what you have told us is true',
  referenceMissing: 'Enter your reference',
  referenceFormat: referenceMessage,
  trackingCodeMissing: 'Enter your tracking code',
  trackingCodeFormat: 'Enter your tracking code in the correct format, like 7K3MQ-9Q2MX-4HB8C-ZT1RW',
  // The same answer for an unknown reference and a wrong secret, as the API gives: neither reveals the other.
  trackNotFound: 'No report matches this reference and tracking code. Check both and try again',
  chaseNoteTooLong: chaseMessages.noteTooLong,
  chaseLimitReached: chaseMessages.limitReached,
  confirmCodeMissing: 'Enter the 6-digit code we sent you',
  confirmCodeFormat: 'Enter the code as 6 numbers, like 123456',
  confirmCodeWrong: 'The code is not right. Check it and try again',
  confirmCodeNewNeeded:
    'This code no longer works: it is too old or was tried too many times. Send yourself a new code',
  confirmTooManyCodes: 'We have sent too many codes for this report. Try again later, or phone or visit us',
  withdrawalReasonMissing: withdrawalMessages.reasonMissing,
  withdrawalReasonTooLong: withdrawalMessages.reasonTooLong,
} as const;
