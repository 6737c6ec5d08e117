/** What the staff routes need to know about the staff and resident cookies. */
export interface StaffScopeOptions {
  secret: string;
  publicUrl: string;
  cookieName: string;
}
