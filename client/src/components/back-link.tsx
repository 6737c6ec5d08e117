import { useTranslation } from 'react-i18next';

/** The GOV.UK back link: a real link to the previous page, so it works without JavaScript. */
export function BackLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a href={href} className="govuk-back-link">
      {t('actions.back')}
    </a>
  );
}
