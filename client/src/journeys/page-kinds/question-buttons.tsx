import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/post-form.js';
import { SaveButton } from '../../save-return/save-button.js';

/** A question page's own buttons, whatever its kind: Continue, and "Save and come back later". */
export function QuestionButtons() {
  const { t } = useTranslation();
  return (
    <div className="govuk-button-group">
      <SubmitButton>{t('actions.continue')}</SubmitButton>
      <SaveButton />
    </div>
  );
}
