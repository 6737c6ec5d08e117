import type { AgencyNotification } from '@tuo/shared/api/agency-notifications';
import { useTranslation } from 'react-i18next';

/** Red tags for the service-level targets a notification has missed, so overdue work stands out in the list. */
export function MissedTargetTags({ missed }: { missed: AgencyNotification['missedTargets'] }) {
  const { t } = useTranslation('agency');
  return missed.map((target) => (
    <strong key={target} className="govuk-tag govuk-tag--red govuk-!-margin-left-1">
      {t(`missedTarget.${target}`)}
    </strong>
  ));
}
