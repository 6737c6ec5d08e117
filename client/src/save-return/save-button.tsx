import { useTranslation } from 'react-i18next';
import { saveActionName } from './save-action.js';

/**
 * "Save and come back later" on a question page: a second submit button of the page's own form,
 * so it works as plain HTML. It posts what is typed without the browser's checks.
 */
export function SaveButton() {
  const { t } = useTranslation();
  return (
    <button
      type="submit"
      name={saveActionName}
      value="save"
      formNoValidate
      className="govuk-button govuk-button--secondary"
      data-module="govuk-button"
    >
      {t('saveReturn.button')}
    </button>
  );
}
