import type { ReactNode } from 'react';

/** The service's name, shown in the header and in every document title. */
export const serviceName = 'Tell Us Once';

/** The GOV.UK template's header, service navigation, main and footer around every page; `beforeContent` holds a back link. */
export function PageLayout({ children, beforeContent }: { children: ReactNode; beforeContent?: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      {/* Councils' services are not on GOV.UK, so no GOV.UK header or crown: the service name leads. */}
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="/" className="govuk-service-navigation__link">
                {serviceName}
              </a>
            </span>
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">This is a new service. Help us improve it by telling the customer centre what you think.</span>
          </p>
        </div>
        {beforeContent}
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer className="govuk-footer" role="contentinfo">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/api/openapi.json">
                    API for agencies
                  </a>
                </li>
              </ul>
              <span className="govuk-footer__licence-description">Open source, released under the MIT licence.</span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
