// The same words on both consoles' sign-in pages and APIs, so neither says more than the other.

/** The one message for a wrong address or password, whichever it was. */
export const signInFailedMessage = 'Enter a correct email address and password';
/** The one message while this account or address is throttled. */
export const signInThrottledMessage = 'There have been too many attempts to sign in. Wait 15 minutes, then try again';

/** A right portal password at an organisation that signs in only through its own provider. */
export const providerOnlyMessage =
  'Your organisation signs in with its own account: choose your organisation under “Sign in with your organisation’s account”';
