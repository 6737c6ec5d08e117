import { useTranslation } from 'react-i18next';
import type { VerificationLevel } from '@tuo/shared/verification/verification';

const colours: Readonly<Record<VerificationLevel, string>> = {
  low: 'govuk-tag--yellow',
  medium: 'govuk-tag--blue',
  high: 'govuk-tag--green',
};

/** A report's verification level as a GOV.UK tag ("Not checked" when its checks reach no level). */
export function VerificationTag({ level }: { level: VerificationLevel | null }) {
  const { t } = useTranslation('staff');
  return (
    <strong className={`govuk-tag ${level ? colours[level] : 'govuk-tag--grey'}`}>
      {t(`checking.levels.${level ?? 'none'}`)}
    </strong>
  );
}
