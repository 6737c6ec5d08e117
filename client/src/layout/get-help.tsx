import { useTranslation } from 'react-i18next';
import type { HelpContact } from '@tuo/shared/pages/help-contact';

/**
 * The helpline, its hours and the customer centre. The number is always left to right (in Arabic
 * "01632 960 001" would otherwise read "001 960 01632"); a setting with no value in the page's
 * language is shown apart, marked as English, never inside a sentence of the page's language.
 */
export function HelpDetails({ help }: { help: HelpContact }) {
  const { t } = useTranslation();
  const inEnglish = new Set(help.inEnglish ?? []);
  return (
    <>
      <ul className="govuk-list">
        <li>
          {t('support.getHelp.telephone')} <span dir="ltr">{help.phone}</span>
        </li>
        <li>
          {inEnglish.has('hours') ? (
            <>
              {t('support.getHelp.hoursInEnglish')}{' '}
              <span lang="en" dir="ltr">
                {help.hours}
              </span>
            </>
          ) : (
            <bdi>{help.hours}</bdi>
          )}
        </li>
      </ul>
      {inEnglish.has('centre') ? (
        <p className="govuk-body">
          {t('support.getHelp.visitUs')} {t('support.getHelp.centreInEnglish')}{' '}
          <span lang="en" dir="ltr">
            {help.centre}
          </span>
        </p>
      ) : (
        <p className="govuk-body">{t('support.getHelp.visit', { centre: help.centre })}</p>
      )}
    </>
  );
}

/** "Get help" on every resident page: the helpline, its hours and the customer centre, so no one is stuck alone. */
export function GetHelp({ help }: { help: HelpContact }) {
  const { t } = useTranslation();
  return (
    <section className="govuk-!-margin-top-8 app-get-help" aria-labelledby="get-help-heading">
      <h2 className="govuk-heading-m" id="get-help-heading">
        {t('support.getHelp.title')}
      </h2>
      <HelpDetails help={help} />
    </section>
  );
}
