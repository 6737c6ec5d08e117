import type { LifeEventId } from '../journeys/catalogue.js';
import type { FormProps } from './page-model.js';

/** How a resident can come back to a saved form. */
export type SaveMethodKind = 'email' | 'sms' | 'code';

/** "Save your answers and come back later": how to come back, and where to send a link. */
export interface SaveFormProps {
  lifeEvent: LifeEventId;
  backHref: string;
  /** The ways offered: a link by email or text only when GOV.UK Notify is set up for them. */
  methods: SaveMethodKind[];
  /** Days a saved form lasts. */
  lifetimeDays: number;
  /** `values.method`, `values.email`, `values.phone`. */
  form: FormProps;
}

/** After saving: the code to write down, or where the link was sent. */
export interface SavedFormProps {
  lifeEvent: LifeEventId;
  /** The last day it can be used, `YYYY-MM-DD` (UK time). */
  expiresOn: string;
  outcome: { kind: 'code'; code: string } | { kind: 'sent'; channel: 'email' | 'sms' };
  /** Where the resident left off, to carry on now instead. */
  continueHref: string;
}

/** "Return to a saved form": the code form, or (with `form.values.token`) the button that uses a link. */
export interface ReturnToFormProps {
  by: 'code' | 'link';
  form: FormProps;
}

/** Why a saved form could not be given back, in words a resident understands. */
export type SavedFormUnavailableProps =
  | { reason: 'used' | 'expired' | 'too-many-tries' }
  /** Its report was sent after it was saved: where to track it instead. */
  | { reason: 'submitted'; reference: string };

/** The pages of save and come back later, as members of the page model union. */
export type SaveReturnPageModel =
  | { page: 'save-form'; props: SaveFormProps }
  | { page: 'saved-form'; props: SavedFormProps }
  | { page: 'return-to-form'; props: ReturnToFormProps }
  | { page: 'saved-form-unavailable'; props: SavedFormUnavailableProps };
