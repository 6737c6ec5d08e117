/** How residents reach a person: shown as "Get help" on every resident page, from the portal's configuration. */
export interface HelpContact {
  /** The helpline, as residents dial it: "01632 960 001". */
  phone: string;
  /** When the helpline is open: "Monday to Friday, 9am to 5pm". */
  hours: string;
  /** Where to visit, as it reads after "visit": "the Customer Centre, Town Hall, High Street". */
  centre: string;
}
