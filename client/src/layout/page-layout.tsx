import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpContact } from '@tuo/shared/pages/help-contact';
import { GetHelp } from './get-help.js';

/**
 * The GOV.UK template's header, service navigation, main and footer around every page;
 * `beforeContent` holds a back link. Resident pages (`help` given) end with "Get help"; the
 * agencies' API link belongs to the console and the API docs, not to residents' pages.
 */
export function PageLayout({ children, beforeContent, help, showApiLink = false }: { children: ReactNode; beforeContent?: ReactNode; help?: HelpContact | undefined; showApiLink?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        {t('layout.skipLink')}
      </a>
      {/* Councils' services are not on GOV.UK, so no GOV.UK header or crown: the service name leads. */}
      <section aria-label={t('layout.serviceInformation')} className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="/" className="govuk-service-navigation__link">
                {t('service.name')}
              </a>
            </span>
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
              {showApiLink ? (
                <ul className="govuk-footer__inline-list">
                  <li className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href="/api/openapi.json">
                      {t('layout.apiLink')}
                    </a>
                  </li>
                </ul>
              ) : null}
              <span className="govuk-footer__licence-description">{t('layout.licence')}</span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
