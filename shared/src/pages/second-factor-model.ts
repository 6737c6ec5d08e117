/** What a console's "Set up a second factor" page shows: the QR code, and the same key as text. */
export interface SecondFactorEnrolment {
  /** The authenticator app key in groups of four, for people who cannot scan (or see) the QR code. */
  spacedSecret: string;
  /** An SVG image of the `otpauth://` address, as a data URL. */
  qrDataUrl: string;
  /** True when the account's role needs a second factor before it can do anything else. */
  required: boolean;
  /** True when the account already has one (setting up another replaces it). */
  replacing: boolean;
}
