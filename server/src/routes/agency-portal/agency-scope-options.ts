/** What the agency portal's routes need to know about its cookie and its ways in. */
export interface AgencyScopeOptions {
  cookieName: string;
  /** Signs the session cookie and seals the second factors' keys and the providers' client secrets. */
  secret: string;
  /** PUBLIC_URL: the providers send people back to its `/agency/sign-in/oidc/callback`. */
  publicUrl: string;
  /** Whether the install takes portal passwords at all (`AGENCY_PASSWORD_SIGN_IN`). */
  passwords: boolean;
}
