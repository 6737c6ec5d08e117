import type { OrganisationSearchState } from '../api/organisations.js';
import type { AgencyKind } from '../agencies/agency-kinds.js';
import type { DeliveryRole } from '../agencies/delivery-roles.js';
import type { FieldError } from '../api/field-errors.js';
import type { AddressLookupState } from '../api/address-lookup.js';
import type { SubmissionStatusResponse } from '../api/submissions.js';
import type { TrackChase } from './track-chase-model.js';
import type { PerformanceProps } from './performance-page-model.js';
import type { LifeEventId } from '../journeys/catalogue.js';
import type { Answers, AnswerValue } from '../journeys/engine/answers.js';
import type { ConsentOption } from '../journeys/engine/consent-options.js';
import type { FormValues } from './form-values.js';
import type { SaveReturnPageModel } from './save-return-page-model.js';
import type { HelpContact } from './help-contact.js';
import type { StaffPageProps } from './staff-page-model.js';
import type { AgencyPageProps } from './agency-page-model.js';
import type { AssistedBanner } from './assisted-banner.js';

/** A server-rendered HTML form: where it posts, its anti-forgery token, what was typed and what is wrong. */
export interface FormProps {
  action: string;
  csrfToken: string;
  values: FormValues;
  /** In page order; empty when the page is first shown. */
  errors: FieldError[];
}

/** "What has happened?": the life events come from the catalogue. */
export interface ChooseLifeEventProps {
  form: FormProps;
}

/** One page of a journey, rendered from its definition in the catalogue. */
export interface QuestionProps {
  lifeEvent: LifeEventId;
  pageId: string;
  /** Earlier answers this page's conditions read, so the browser builds the same page schema as the server. */
  answersSoFar: Answers;
  /** Today in the UK as `YYYY-MM-DD`, so date rules agree between browser and server. */
  today: string;
  backHref: string;
  form: FormProps;
  /** Per address field, the look-up a round trip without JavaScript has just done. */
  addressLookup?: Record<string, AddressLookupState>;
  /** A postcode the address look-up in use finds, for the postcode's hint (pages with an address). */
  postcodeExample?: string;
  /** Per organisation field, its directory search and the organisation already chosen. */
  organisationSearch?: Record<string, OrganisationSearchState>;
}

/** One row of "Check your answers". */
export interface CheckAnswersRow {
  /** The field, whose question the page shows in the reader's language. */
  fieldName: string;
  /** The answer as kept, which the page words in the reader's language; null when not given. */
  answer: AnswerValue | null;
  /** An organisation field's answer as the directory names it (the answer is its id); absent otherwise. */
  organisationName?: string;
  changeHref: string;
  /** The page starting the section this answer is in, whose `section` heading groups it; null before any. */
  sectionPageId: string | null;
}

/** "Check your answers" before choosing who to tell. */
export interface CheckAnswersProps {
  lifeEvent: LifeEventId;
  rows: CheckAnswersRow[];
  continueHref: string;
  backHref: string;
}

/** One agency on "Who do you want us to tell?", with the fields it would be sent. */
export interface WhoToTellOption extends ConsentOption {
  /** Names of the answered fields the agency receives, so the page can name them in any language. */
  fields: string[];
  /** The organisation told, when it is one picked from the directory or found from the address. */
  organisationName?: string;
  /** Instead, the kind's fallback is told (a team that passes it on): the page names it by what it does, not by its directory name. */
  organisationFallback?: true;
  /**
   * When a move spans two of the kind's areas, each organisation told (the old council, then the
   * new), with its role and the answered fields it gets; `organisationName` is absent then.
   */
  parts?: { role: DeliveryRole; organisationName?: string; organisationFallback?: true; fields: string[] }[];
}

/**
 * Which council an address is in, asked when its look-up cannot say (typed by hand, or a council
 * missing from the directory): the directory's councils as radios, searched by name without
 * JavaScript when there are many, and "not listed" (told through the council team, and said so).
 */
export interface WhichCouncilProps {
  lifeEvent: LifeEventId;
  /** The address field asked about (its question names the home: moving from, moving to). */
  addressField: string;
  /** The address as answered, one line each. */
  address: string[];
  /** The councils to choose from: all of them when few, else those the search found. */
  councils: { id: string; name: string }[];
  /** The search: what was typed, and whether there are too many councils to list without one. */
  search: { action: string; query: string; needed: boolean };
  backHref: string;
  /** `values.council` holds the choice (an id, or `not-listed`). */
  form: FormProps;
}

/** Choosing who to tell: the relevant agencies, what each receives and why. */
export interface WhoToTellProps {
  lifeEvent: LifeEventId;
  options: WhoToTellOption[];
  backHref: string;
  /** `values.consent` holds the optional agencies ticked. */
  form: FormProps;
}

/** The declaration, then send. */
export interface DeclarationProps {
  lifeEvent: LifeEventId;
  agencies: AgencyKind[];
  backHref: string;
  form: FormProps;
}

/** Confirming a report by code, before anything is sent. */
export interface ConfirmStep {
  /** Where the code went; null when the resident gave neither email nor mobile (they phone or visit instead). */
  sentTo: 'email' | 'sms' | null;
  /** Only on a trial install with no GOV.UK Notify key: the code, under a "messages are not sent" notice. */
  trialCode: string | null;
  /** Enter the code: `values.code`, errors on `code`. */
  form: FormProps;
  /** Where "Send a new code" posts (with the same anti-forgery token). */
  newCodeAction: string;
  /** A new code was sent just now. */
  newCodeSent: boolean;
}

/** After sending: the reference, what happens next, how to track; first, confirming by code. */
export interface ConfirmationProps {
  lifeEvent: LifeEventId;
  reference: string;
  /** Shown once: null when the resident has already seen it. */
  trackingSecret: string | null;
  agencies: AgencyKind[];
  /** While the report waits for its code; null once confirmed (or when none was needed). */
  confirm: ConfirmStep | null;
  /** Agencies that will be told only after a staff check (below their minimum level). */
  awaitingCheck: AgencyKind[];
  /** How the reference and tracking code are being sent to the resident: empty when nothing is (no GOV.UK Notify, or no contact details). */
  messagedBy: ('email' | 'sms')[];
  /** "What else you need to do" items the answers showed were done already (see also-do.ts). */
  alsoDoDone: string[];
}

/** The tracking form and, when the reference and secret matched, each agency's status. */
export interface TrackProps {
  form: FormProps;
  result: SubmissionStatusResponse | null;
  /** Service levels and chasing, alongside a result. */
  chase?: TrackChase | null;
  /** "Withdraw this report" (`reason`), for a report this session unlocked and not yet withdrawn. */
  withdrawal?: { form: FormProps } | null;
}

/** Pages with no data of their own. */
export type NoProps = Record<string, never>;

interface PageModelBase {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** This page's own address (path and query), which the language links come back to. */
  url?: string;
  /** The helpline and customer centre, for the "Get help" section of resident pages. */
  help?: HelpContact;
  /** Resident pages an adviser is running for a resident (an assisted transaction): the adviser banner. */
  assisted?: AssistedBanner;
}

/**
 * What the server hands to the client to render one page. The same object is rendered to HTML
 * on the server and, serialised into the page, used to hydrate it in the browser. `page` says
 * which component renders it and fixes the shape of `props`.
 */
export type PageModel = PageModelBase &
  (
    | { page: 'start' | 'not-found' | 'error' | 'unavailable' | 'session-expired'; props: NoProps }
    | { page: 'choose-life-event'; props: ChooseLifeEventProps }
    | { page: 'question'; props: QuestionProps }
    | { page: 'check-answers'; props: CheckAnswersProps }
    | { page: 'who-to-tell'; props: WhoToTellProps }
    | { page: 'which-council'; props: WhichCouncilProps }
    | { page: 'declaration'; props: DeclarationProps }
    | { page: 'confirmation'; props: ConfirmationProps }
    | { page: 'track'; props: TrackProps }
    | { page: 'staff'; props: StaffPageProps }
    | { page: 'agency'; props: AgencyPageProps }
    | SaveReturnPageModel
    | { page: 'performance'; props: PerformanceProps }
  );

/** What `render` gives the server to put into index.html. */
export interface RenderedPage {
  head: string;
  html: string;
  data: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** This page's own address (path and query), which the language links come back to. */
  url?: string;
}
