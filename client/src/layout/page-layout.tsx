import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpContact } from '@tuo/shared/pages/help-contact';
import { languageOption } from '../i18n/language-options.js';
import { GetHelp } from './get-help.js';
import { LanguageNavigation } from './language-navigation.js';

/** The reader's language and this page's address, for the language links; left out on staff pages, which are in English. */
export interface LayoutLanguage {
  current: string;
  url: string;
}

/**
 * The GOV.UK template's header, service navigation, main and footer around every page;
 * `beforeContent` holds a back link. Resident pages (`help` given) end with "Get help"; the
 * agencies' API link belongs to the consoles and the API docs, not to residents' pages.
 */
export function PageLayout({
  children,
  beforeContent,
  language,
  help,
  showApiLink = false,
}: {
  children: ReactNode;
  beforeContent?: ReactNode;
  language?: LayoutLanguage | undefined;
  help?: HelpContact | undefined;
  showApiLink?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        {t('layout.skipLink')}
      </a>
      {/* Councils' services are not on GOV.UK, so no GOV.UK header or crown: the service name leads. */}
      <section
        aria-label={t('layout.serviceInformation')}
        className="govuk-service-navigation"
        data-module="govuk-service-navigation"
      >
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="/" className="govuk-service-navigation__link">
                {t('service.name')}
              </a>
            </span>
            {language ? (
              <div className="app-service-navigation__languages">
                <LanguageNavigation current={language.current} url={language.url} />
              </div>
            ) : null}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">{t('layout.phaseTag')}</strong>
            <span className="govuk-phase-banner__text">{t('layout.phaseText')}</span>
          </p>
        </div>
        {language && languageOption(language.current)?.awaitingReview ? (
          <p className="govuk-body-s app-translation-notice">{t('languages.awaitingReview')}</p>
        ) : null}
        {beforeContent}
        <main className="govuk-main-wrapper" id="main-content">
          {children}
          {help ? <GetHelp help={help} /> : null}
        </main>
      </div>
      <footer className="govuk-footer" role="contentinfo">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">{t('layout.supportLinks')}</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/performance">
                    {t('service-levels:footer.performance')}
                  </a>
                </li>
                {showApiLink ? (
                  <li className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href="/api/openapi.json">
                      {t('layout.apiLink')}
                    </a>
                  </li>
                ) : null}
              </ul>
              <span className="govuk-footer__licence-description">{t('layout.licence')}</span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
