import type { AdminOrganisation } from '../api/organisation-admin.js';
import type { AgencyKind } from '../agencies/agency-kinds.js';
import type { AuditPage } from '../api/admin-audit.js';
import type { Dashboard } from '../api/staff-dashboard.js';
import type { AssistedContext, StaffUser } from '../api/staff-session.js';
import type { SearchResponse, SubmissionView } from '../api/staff-submissions.js';
import type { ChaseQueue } from '../api/chase-requests.js';
import type { NeedsCheckingItem } from '../api/needs-checking.js';
import type { PerformanceFigures } from '../api/performance.js';
import type { LifeEventId } from '../journeys/catalogue.js';
import type { SubjectAccessExport } from '../api/subject-access.js';
import type { PayloadRow } from '../api/agency-portal.js';
import type { Verification, VerificationLevel } from '../verification/verification.js';
import type { AccountPageProps, SetPasswordProps } from './account-page-model.js';
import type { FormProps } from './page-model.js';
import type { SecondFactorEnrolment } from './second-factor-model.js';

/** What every signed-in staff page shows around its content: who is signed in, and their token for the sign-out forms. */
export interface StaffNav {
  user: StaffUser;
  csrfToken: string;
  /** The assisted transaction in progress, shown on every page until the adviser ends it. */
  assisting: AssistedContext | null;
}

/** The ways into a console: passwords (unless turned off), and its provider's sign-in, when it has one. */
export interface SignInMethods {
  passwords: boolean;
  /** Where the "sign in with your organisation's account" button starts; null without a provider. */
  providerHref: string | null;
}

/**
 * What a sign-in through a provider came to: `signed-in` (continue into the console), or refused:
 * the provider gives the person no role here, the account is disabled, the provider sent no email
 * address, the address belongs to another account, the sign-in took too long, or a check failed.
 */
export type SingleSignOnOutcome = 'signed-in' | 'no-role' | 'disabled' | 'no-email' | 'taken' | 'expired' | 'failed';

/** Why a staff page shows a message rather than content. */
export type StaffMessage = 'forbidden' | 'form-expired' | 'not-found' | 'link-expired' | 'password-set';

export type { AccountDone } from './account-page-model.js';

/** What an administrator just did to an organisation, to confirm it on its page. */
export type OrganisationDone = 'added' | 'changed' | 'disabled' | 'enabled';

/** What an organisation of a kind has when it has no setting of its own: the configured defaults. */
export interface OrganisationDefaults {
  targets: { acknowledgeDays: number; actionDays: number };
  verificationMinimum: VerificationLevel;
}

/**
 * A kind's `AGENCY_<KIND>_*` settings as its fallback organisation's page shows them: what it is
 * told by while it has no channel of its own, and its email alert while it has no mailbox of its
 * own. Only what staff may see: a webhook's host (never its path, query or secret), the SFTP
 * server, folder and schedule (never the private key or its file), the team mailbox.
 */
export interface KindChannelSettings {
  /** The variables' common prefix, e.g. `AGENCY_COUNCIL_`. */
  envPrefix: string;
  /** The configured primary channel: a webhook, a scheduled file, or neither (its inbox). */
  channel: 'webhook' | 'file' | 'inbox';
  /** The host (and port, when given) of `AGENCY_<KIND>_WEBHOOK_URL`. */
  webhookHost: string | null;
  file: {
    host: string;
    port: number;
    username: string;
    folder: string;
    format: 'csv' | 'xml';
    /** A cron line, in UTC. */
    schedule: string;
    /** The fingerprint of the only SFTP server trusted (`SHA256:…`): public, not a secret. */
    hostKeySha256: string;
  } | null;
  alert: { email: string; frequency: 'immediate' | 'daily' } | null;
}

/** What one service was sent, as the subject access page shows it: its answers labelled for the officer, and how far it was checked. */
export interface SentPayload {
  rows: PayloadRow[];
  verification: Verification | null;
}

/**
 * The staff console's pages, one `view` each. They share the `staff` page kind so the resident
 * pages' switch needs one case for the whole console.
 */
export type StaffPageProps =
  /** `signIn` says which ways in this install offers. */
  | { view: 'sign-in'; form: FormProps; signIn: SignInMethods }
  /** The answer of a sign-in through the organisation's provider: signed in (continue), or refused and why. */
  | { view: 'single-sign-on'; outcome: SingleSignOnOutcome }
  /** The second step of signing in: a code from the authenticator app, or a recovery code (`code`). */
  | { view: 'second-factor'; form: FormProps }
  | { view: 'second-factor-set-up'; nav: StaffNav; form: FormProps; enrolment: SecondFactorEnrolment }
  /** Shown once, straight after set-up: only their hashes are kept. */
  | { view: 'recovery-codes'; nav: StaffNav; codes: string[] }
  | { view: 'message'; message: StaffMessage; nav: StaffNav | null }
  /** Account administration (admins): the staff accounts, one account with its changes, an invitation, a link. */
  | (AccountPageProps & { nav: StaffNav })
  | SetPasswordProps
  /** The directory (admins): filtered by a GET form (`kind`, `q`), disabled organisations too. */
  | { view: 'organisations'; nav: StaffNav; form: FormProps; organisations: AdminOrganisation[] }
  /** One organisation, its settings beside its kind's defaults, and the disable or enable form. */
  | {
      view: 'organisation';
      nav: StaffNav;
      organisation: AdminOrganisation;
      defaults: OrganisationDefaults;
      /** For a kind's fallback: the kind's settings it follows where it has none of its own; null otherwise. */
      kindChannels: KindChannelSettings | null;
      form: FormProps;
      done: OrganisationDone | null;
    }
  /**
   * Adding (`organisationId` null: the kind is asked too) or changing an organisation; `defaults`
   * per kind, for the settings' hints. Errors name the posted fields.
   */
  | {
      view: 'organisation-form';
      nav: StaffNav;
      form: FormProps;
      organisationId: string | null;
      kind: AgencyKind | null;
      defaults: Record<AgencyKind, OrganisationDefaults>;
    }
  | { view: 'dashboard'; nav: StaffNav; dashboard: Dashboard }
  | { view: 'search'; nav: StaffNav; form: FormProps; results: SearchResponse['results'] | null }
  | {
      view: 'submission';
      nav: StaffNav;
      submission: SubmissionView;
      /** Supervisors and admins see retry and "handled offline" on failed deliveries. */
      canRepair: boolean;
      /** Admins see subject access (export) and early erasure. */
      canAdminister: boolean;
      /** The case note form and the "handled offline" forms: errors name `body` or `note-{deliveryId}`. */
      form: FormProps;
      /** Set just after a repair or note, to confirm it. */
      done: 'retried' | 'handled-offline' | 'note-added' | 'erased' | 'withdrawn' | 'corrected' | null;
    }
  | {
      view: 'subject-access';
      nav: StaffNav;
      export: SubjectAccessExport;
      jsonHref: string;
      /** Each delivery's payload as people read it (by delivery id): the answers with the officer's labels, and its checks. */
      payloads: Record<string, SentPayload>;
    }
  | {
      view: 'erase';
      nav: StaffNav;
      reference: string;
      lifeEvent: SubmissionView['lifeEvent'];
      /** Organisations it is still to be sent to (held, queued, failed), which will then not be sent it. */
      notSent: string[];
      /** Organisations it waits unopened in the inbox of, which will then see only that its answers were erased. */
      unopened: string[];
      form: FormProps;
    }
  | { view: 'assisted'; nav: StaffNav; form: FormProps }
  | { view: 'audit'; nav: StaffNav; form: FormProps; page: AuditPage; nextHref: string | null }
  /** Residents' requests to chase; the forms' errors name `note-{id}` or `outcome-{id}`. */
  | { view: 'chase-requests'; nav: StaffNav; queue: ChaseQueue; form: FormProps; done: 'chased' | 'resolved' | null }
  /** Notifications held for a staff check, oldest first; `done` just after a decision. */
  | {
      view: 'needs-checking';
      nav: StaffNav;
      items: NeedsCheckingItem[];
      done: 'released' | 'still-held' | 'rejected' | null;
    }
  /**
   * One held notification, with the others of its report still held, and (for supervisors) the
   * release form (`kind`, `note`) and the reject form (`reason`), whose errors share `form`.
   */
  | {
      view: 'check';
      nav: StaffNav;
      item: NeedsCheckingItem;
      others: NeedsCheckingItem[];
      canDecide: boolean;
      form: FormProps;
    }
  /**
   * A supervisor's correction form: first which answer (a GET form, `field`), then its new value
   * (`value`). `unavailable` when the report is withdrawn or its answers erased.
   */
  | {
      view: 'correction';
      nav: StaffNav;
      reference: string;
      lifeEvent: LifeEventId;
      fields: CorrectableField[];
      chosen: CorrectableField | null;
      unavailable: 'withdrawn' | 'erased' | null;
      form: FormProps;
    }
  /** The open figures with finer filters (GET form); null figures when the filters are wrong. */
  | {
      view: 'performance';
      nav: StaffNav;
      form: FormProps;
      figures: PerformanceFigures | null;
      lifeEvent: LifeEventId | 'all';
    };

/** One answer a supervisor may correct: its field, the question, and the answer as it stands. */
export interface CorrectableField {
  name: string;
  label: string;
  kind: string;
  value: string;
}

/** One of the staff console's views. */
export type StaffView = StaffPageProps['view'];
