/** What the agency portal's routes need to know about its cookie. */
export interface AgencyScopeOptions {
  cookieName: string;
}
