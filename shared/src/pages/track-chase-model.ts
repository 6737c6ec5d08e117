import type { AgencyKind } from '../agencies/agency-kinds.js';
import type { DeliveryRole } from '../agencies/delivery-roles.js';
import type { ChaseRequestSummary, TargetKind } from '../api/chase-requests.js';
import type { FormProps } from './page-model.js';

/** One agency on the tracking page, against its targets. */
export interface TrackChaseAgency {
  agency: AgencyKind;
  /** The organisation told, by name. */
  organisation: string;
  /** It is the kind's fallback (a team that passes it on): the page names it by what it does, not by its directory name. */
  organisationFallback?: true;
  /** When a move tells two of the kind: `leaving` for the old council, `joining` for the new. */
  role?: DeliveryRole;
  /** The target it has missed (the later one when both), or null while within target or done. */
  missed: TargetKind | null;
  /** The last UK day (`YYYY-MM-DD`) it had for the missed target. */
  deadline: string | null;
  /** Once sent, the last UK days (`YYYY-MM-DD`) of its targets to acknowledge and to act; null before. */
  targets: { acknowledgeBy: string; actionBy: string } | null;
  /** The resident may ask now: a target missed, nothing open, and today's limit not reached. */
  canAsk: boolean;
  /** Earlier requests for this agency, newest first. */
  requests: ChaseRequestSummary[];
}

/** The service-level part of the tracking page: each agency, and one form per agency to ask us to chase. */
export interface TrackChase {
  /** Posts `agency` (a delivery key: `council`, `council-leaving`) and `note-{key}`; errors name `note-{key}`. */
  form: FormProps;
  agencies: TrackChaseAgency[];
  /** Set just after a request was made, to confirm it. */
  requested: string | null;
}
