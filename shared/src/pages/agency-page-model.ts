import type { Verification } from '../verification/verification.js';
import type {
  AgencyApiKey,
  AgencyUser,
  PayloadRow,
  RotatedWebhookSecret,
  WebhookSecretStatus,
  WorkListItem,
  WorkListQuery,
} from '../api/agency-portal.js';
import type { AgencyNotification } from '../api/agency-notifications.js';
import type { OrganisationSignIn } from '../api/organisation-sign-in.js';
import type { AccountPageProps, SetPasswordProps } from './account-page-model.js';
import type { SingleSignOnOutcome } from './staff-page-model.js';
import type { FormProps } from './page-model.js';
import type { SecondFactorEnrolment } from './second-factor-model.js';
import type { AssistedMode, IdentityCheck } from '../api/staff-session.js';

/** What every signed-in agency page shows around its content: who is signed in, and their token for sign-out. */
export interface AgencyNav {
  user: AgencyUser;
  csrfToken: string;
}

/**
 * The ways into the portal: passwords (unless the install turned them off) and, for each
 * organisation with a provider, a link to its sign-in (`providerAction?organisation=<id>`).
 */
export interface AgencySignInMethods {
  passwords: boolean;
  providerAction: string;
  organisations: { id: string; name: string }[];
}

/** Why an agency page shows a message rather than content. */
export type AgencyMessage =
  'forbidden' | 'form-expired' | 'not-found' | 'export-too-large' | 'no-webhook' | 'link-expired' | 'password-set';

/** How a report was made: online, or with an adviser (on the phone, face to face, or `assisted` when the way was not recorded). */
export type ReportChannel = 'online' | AssistedMode | 'assisted';

/**
 * Who at the organisation moved a notification on: a portal user (their display name, or their
 * email address when they have none) or a system (its API key's name).
 */
export interface HandledBy {
  by: 'portal-user' | 'api-key';
  name: string;
}

/** One target: its last UK day (`YYYY-MM-DD`), and whether it was missed (not done by then, or done later). */
export interface TargetDate {
  by: string;
  missed: boolean;
}

/**
 * What the portal says about a notification beyond its answers, each part only where the
 * organisation's kind is shown it (`reportFactsFor`): null or empty otherwise.
 */
export interface NotificationFacts {
  channel: ReportChannel | null;
  /**
   * The adviser of an assisted report, by staff id only (the page says they are the customer
   * centre's: another organisation's staff are not named to officers), and their identity checks.
   */
  adviser: { staffId: string; identityChecks: IdentityCheck[] } | null;
  /** The UPRN of each routed address that has one, with the address's label. */
  uprns: { label: string; uprn: string }[];
  acknowledgedBy: HandledBy | null;
  actionedBy: HandledBy | null;
  targets: { acknowledge: TargetDate; action: TargetDate } | null;
}

/** One correction made after a notification was sent, as its page states it. */
export interface CorrectionNotice {
  at: string;
  /** The officer's labels of the organisation's own answers it changed, as their rows are labelled. */
  labels: string[];
}

/** A notification as the portal shows it: its state, and its payload as labelled rows. */
export type AgencyNotificationView = Omit<AgencyNotification, 'payload' | 'corrections'> & {
  rows: PayloadRow[];
  /** Corrections of its own answers made after it was sent, oldest first; empty when there were none. */
  corrections: CorrectionNotice[];
  /** How far the report was checked when it was sent (null for one sent before levels). */
  verification: Verification | null;
  facts: NotificationFacts;
  /**
   * The council team's: the labels of the addresses no council's area could be found for, which is
   * why the report came to it (its payload's `unplacedAddresses`); empty for everyone else.
   */
  unplacedAddresses: string[];
};

/** The work list: the tab and filters, one page of rows, and links onward. */
export interface WorkListView {
  query: WorkListQuery;
  /** The filter form (a GET form): values as typed, errors on `lifeEvent`, `from` or `to`. */
  form: FormProps;
  items: WorkListItem[];
  total: number;
  previousHref: string | null;
  nextHref: string | null;
  /** The CSV export of the same filters (every page). */
  exportHref: string;
  /** Links to each tab, keeping the other filters. */
  tabHrefs: Record<WorkListQuery['status'], string>;
}

/**
 * The agency portal's pages, one `view` each, under the `agency` page kind so the resident pages'
 * switch needs one case for the whole portal.
 */
export type AgencyPageProps =
  /** `form` is the password form (`email`); `providerForm` holds the organisation links' error (`organisation`). */
  | { view: 'sign-in'; form: FormProps; providerForm: FormProps; signIn: AgencySignInMethods }
  /** The answer of a sign-in through the organisation's provider: signed in (continue), or refused and why. */
  | { view: 'single-sign-on'; outcome: SingleSignOnOutcome }
  /**
   * Agency admins: their organisation's single sign-on (`form` fields `issuer`, `clientId`,
   * `clientSecret`, `rolesClaim`, `roleMap`, `passwords`); `done` after a save or removal.
   */
  | {
      view: 'sign-in-settings';
      nav: AgencyNav;
      settings: OrganisationSignIn;
      form: FormProps;
      done: 'saved' | 'removed' | null;
    }
  /** The second step of signing in: a code from the authenticator app, or a recovery code (`code`). */
  | { view: 'second-factor'; form: FormProps }
  | { view: 'second-factor-set-up'; nav: AgencyNav; form: FormProps; enrolment: SecondFactorEnrolment }
  /** Shown once, straight after set-up: only their hashes are kept. */
  | { view: 'recovery-codes'; nav: AgencyNav; codes: string[] }
  | { view: 'message'; message: AgencyMessage; nav: AgencyNav | null }
  /** Agency admins: their organisation's portal accounts, one account with its changes, an invitation, a link. */
  | (AccountPageProps & { nav: AgencyNav })
  /** Setting a password through a one-time link (nobody is signed in). */
  | SetPasswordProps
  | ({ view: 'notifications'; nav: AgencyNav } & WorkListView)
  | {
      view: 'notification';
      nav: AgencyNav;
      notification: AgencyNotificationView;
      /** The acknowledge form (`reference`) and the actioned form (`outcome`, and `reference` once acknowledged). */
      form: FormProps;
      acknowledgeAction: string;
      outcomeMaxLength: number;
      done: 'acknowledged' | 'actioned' | null;
    }
  | {
      view: 'keys';
      nav: AgencyNav;
      keys: AgencyApiKey[];
      webhook: WebhookSecretStatus;
      graceHours: number;
      /** The new key form (`name`). */
      form: FormProps;
      /** Shown once, just after creation. */
      created: { name: string; key: string } | null;
      rotated: RotatedWebhookSecret | null;
      done: 'revoked' | null;
    };

/** One of the agency portal's views. */
export type AgencyView = AgencyPageProps['view'];
