import { useTranslation } from 'react-i18next';
import type { VerificationLevel } from '@tuo/shared/verification/verification';

const colours: Readonly<Record<VerificationLevel, string>> = {
  low: 'govuk-tag--yellow',
  medium: 'govuk-tag--blue',
  high: 'govuk-tag--green',
};

/** How far a notification's report was checked, as a GOV.UK tag that says what it is to a screen reader too. */
export function LevelTag({ level }: { level: VerificationLevel | null }) {
  const { t } = useTranslation('agency');
  return (
    <strong className={`govuk-tag ${level ? colours[level] : 'govuk-tag--grey'}`} data-level={level ?? 'none'}>
      <span className="govuk-visually-hidden">{t('verification.label')} </span>
      {t(`verification.levels.${level ?? 'none'}`)}
    </strong>
  );
}
