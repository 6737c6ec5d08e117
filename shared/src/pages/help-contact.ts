/** How residents reach a person: shown as "Get help" on every resident page, from the portal's configuration. */
export interface HelpContact {
  /** The helpline, as residents dial it: "01632 960 001". Always shown left to right. */
  phone: string;
  /** When the helpline is open: "Monday to Friday, 9am to 5pm". */
  hours: string;
  /** Where to visit, as it reads after "visit": "the Customer Centre, Town Hall, High Street". */
  centre: string;
  /**
   * The settings that have no value in the page's language and so are shown in English: the page
   * says so and keeps them out of its own sentences. Absent or empty when none.
   */
  inEnglish?: ('hours' | 'centre')[];
}
