import { getJourney } from '@tuo/shared';
import type { CheckAnswersProps } from '@tuo/shared/pages/page-model';

/** "Check your answers": a summary list with a Change link per answer; Change comes back here. */
export function CheckAnswersPage({ lifeEvent, rows, continueHref }: CheckAnswersProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{getJourney(lifeEvent).title}</span>
        <h1 className="govuk-heading-l">Check your answers</h1>
        <dl className="govuk-summary-list govuk-!-margin-bottom-9">
          {rows.map((row) => (
            <div className="govuk-summary-list__row" key={row.changeHref + row.label}>
              <dt className="govuk-summary-list__key">{row.label}</dt>
              <dd className="govuk-summary-list__value">
                {row.lines.length === 0 ? (
                  <span className="govuk-hint govuk-!-margin-bottom-0">Not given</span>
                ) : (
                  row.lines.map((line, index) => (
                    <span key={index}>
                      {index > 0 ? <br /> : null}
                      {line}
                    </span>
                  ))
                )}
              </dd>
              <dd className="govuk-summary-list__actions">
                <a className="govuk-link" href={row.changeHref}>
                  Change<span className="govuk-visually-hidden"> {row.label.toLowerCase()}</span>
                </a>
              </dd>
            </div>
          ))}
        </dl>
        <h2 className="govuk-heading-m">Now choose who to tell</h2>
        <p className="govuk-body">Next, you can see which services need to know and what each of them will be sent.</p>
        <a href={continueHref} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          Continue
        </a>
      </div>
    </div>
  );
}
