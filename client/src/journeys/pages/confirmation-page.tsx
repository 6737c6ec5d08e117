import { agencies, type AgencyId } from '@tuo/shared';
import type { ConfirmationProps } from '@tuo/shared/pages/page-model';

const whatHappensNext: Readonly<Record<AgencyId, string>> = {
  council: 'The council will update its records, including Council Tax and the electoral register. They will write to you if they need anything else.',
  nhs: 'The GP practice will update the NHS record. You do not need to contact them.',
  housing: 'The landlord will contact you about the tenancy, usually within 10 working days.',
  jobcentre: 'Jobcentre Plus will update any benefits or State Pension and will contact you if anything changes for you.',
};

/** After sending: the reference, the tracking code (shown once), what each service does next, and how to track. */
export function ConfirmationPage({ reference, trackingSecret, agencies: told }: ConfirmationProps) {
  const trackHref = trackingSecret ? `/track?reference=${encodeURIComponent(reference)}&secret=${encodeURIComponent(trackingSecret)}` : '/track';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">We have received your report</h1>
          <div className="govuk-panel__body">
            Your reference is
            <br />
            <strong id="reference">{reference}</strong>
          </div>
        </div>
        <h2 className="govuk-heading-m">Keep your tracking code</h2>
        {trackingSecret ? (
          <>
            <p className="govuk-body">You need your reference and this tracking code to see how your report is going. We will only show it once, so write it down or save this page.</p>
            <p className="govuk-body">
              Tracking code: <strong className="govuk-!-font-size-24 govuk-!-text-break-word" id="tracking-code">{trackingSecret}</strong>
            </p>
            <p className="govuk-body">
              <a className="govuk-link" href={trackHref}>
                Track your report
              </a>{' '}
              (bookmark this link to come back to it).
            </p>
          </>
        ) : (
          <p className="govuk-body">
            We showed your tracking code when you sent your report, and sent it to you if you gave an email address or phone number. You can{' '}
            <a className="govuk-link" href="/track">
              track your report
            </a>{' '}
            with it.
          </p>
        )}
        <h2 className="govuk-heading-m">What happens next</h2>
        {told.map((agency) => (
          <div key={agency}>
            <h3 className="govuk-heading-s">{agencies[agency].name}</h3>
            <p className="govuk-body">{whatHappensNext[agency]}</p>
          </div>
        ))}
        <p className="govuk-body">
          <a className="govuk-link" href="/start">
            Tell us about something else that has happened
          </a>
        </p>
      </div>
    </div>
  );
}
