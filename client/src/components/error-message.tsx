import { useTranslation } from 'react-i18next';
import type { FieldError } from '@tuo/shared';
import { errorText } from '../i18n/error-text.js';

/** The inline message beside a field, with the hidden "Error:" prefix screen readers need. */
export function ErrorMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t('problem.hiddenPrefix')}</span> {errorText(t, error.message)}
    </p>
  );
}
