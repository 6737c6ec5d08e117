import { useTranslation } from 'react-i18next';
import type { HelpContact } from '@tuo/shared/pages/help-contact';

/** "Get help" on every resident page: the helpline, its hours and the customer centre, so no one is stuck alone. */
export function GetHelp({ help }: { help: HelpContact }) {
  const { t } = useTranslation();
  return (
    <section className="govuk-!-margin-top-8 app-get-help" aria-labelledby="get-help-heading">
      <h2 className="govuk-heading-m" id="get-help-heading">
        {t('support.getHelp.title')}
      </h2>
      <ul className="govuk-list">
        <li>{t('support.getHelp.phone', { phone: help.phone })}</li>
        <li>{t('support.getHelp.hours', { hours: help.hours })}</li>
      </ul>
      <p className="govuk-body">{t('support.getHelp.visit', { centre: help.centre })}</p>
    </section>
  );
}
