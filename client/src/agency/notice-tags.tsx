import type { WorkListItem } from '@tuo/shared/api/agency-portal';
import { useTranslation } from 'react-i18next';

/** Tags for what an agency must know before acting on a notification: withdrawn, corrected since it was sent, or perhaps a duplicate. */
export function NoticeTags({ item }: { item: Pick<WorkListItem, 'possibleDuplicateOf' | 'withdrawn' | 'corrected'> }) {
  const { t } = useTranslation('agency');
  return (
    <>
      {item.withdrawn ? (
        <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">{t('notices.withdrawn')}</strong>
      ) : null}
      {item.corrected ? (
        <strong className="govuk-tag govuk-tag--orange govuk-!-margin-left-1">{t('notices.corrected')}</strong>
      ) : null}
      {item.possibleDuplicateOf ? (
        <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-left-1">{t('notices.possibleDuplicate')}</strong>
      ) : null}
    </>
  );
}
