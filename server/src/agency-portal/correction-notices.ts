import { fieldLabelFor, getJourney, type LifeEventId } from '@tuo/shared';
import type { AgencyNotification } from '@tuo/shared/api/agency-notifications';
import type { CorrectionNotice } from '@tuo/shared/pages/agency-page-model';

/**
 * A notification's corrections as its page states them: each one's time and the officer's labels
 * of the answers it changed, in the journey's order and worded as the page's rows are ("When did
 * they die?"). Only the organisation's own fields are ever in `corrections` (see `ownCorrections`).
 */
export function correctionNotices(
  lifeEvent: LifeEventId,
  corrections: AgencyNotification['corrections'],
): CorrectionNotice[] {
  const fields = getJourney(lifeEvent).pages.flatMap((page) => page.fields);
  return (corrections ?? []).map(({ at, fields: changed }) => ({
    at,
    labels: [
      ...fields.filter((field) => changed.includes(field.name)).map((field) => fieldLabelFor(field, 'officer')),
      // A field the catalogue no longer knows shows by name, as its row does.
      ...changed.filter((name) => !fields.some((field) => field.name === name)),
    ],
  }));
}
