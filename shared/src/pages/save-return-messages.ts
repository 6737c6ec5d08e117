import { emailMessage } from '../identifiers/email.js';
import { phoneNumberMessage } from '../identifiers/phone-number.js';

/**
 * Error messages of "Save and come back later" and "Return to a saved form". Their English is the
 * key the client translates them by, as for {@link pageMessages}.
 */
export const saveReturnMessages = {
  methodMissing: 'Select how you want to come back to your form',
  emailMissing: 'Enter your email address',
  emailFormat: emailMessage,
  phoneMissing: 'Enter your mobile phone number',
  phoneFormat: phoneNumberMessage,
  codeMissing: 'Enter your code',
  codeFormat: 'Enter the code as it was shown to you, like 7K3MQ-9Q2MX',
  // Wrong, used or expired codes are not told apart: the message only ever helps the code's owner.
  codeNotFound: 'We cannot find a saved form with this code. Check it and try again',
} as const;
