import { agencies, catalogue, formatIsoDate, type DeliveryStatus } from '@tuo/shared';
import type { TrackProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { describedBy, errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';

/** Each delivery status in plain words, with the colour of its tag. */
const statusWords: Readonly<Record<DeliveryStatus, { words: string; tag: string }>> = {
  queued: { words: 'Waiting to be sent', tag: 'govuk-tag--grey' },
  sending: { words: 'Being sent', tag: 'govuk-tag--blue' },
  delivered: { words: 'Sent to them', tag: 'govuk-tag--light-blue' },
  acknowledged: { words: 'Seen by someone there', tag: 'govuk-tag--purple' },
  actioned: { words: 'Done', tag: 'govuk-tag--green' },
  failed: { words: 'Not sent yet: we are looking into it', tag: 'govuk-tag--red' },
};

function TrackResult({ result }: { result: NonNullable<TrackProps['result']> }) {
  return (
    <>
      <h1 className="govuk-heading-l">Your report {result.reference}</h1>
      <p className="govuk-body">
        {catalogue[result.lifeEvent].title}, sent on {formatIsoDate(result.submittedAt.slice(0, 10))}.
      </p>
      <dl className="govuk-summary-list">
        {result.agencies.map((row) => (
          <div className="govuk-summary-list__row" key={row.agency}>
            <dt className="govuk-summary-list__key">{agencies[row.agency].name}</dt>
            <dd className="govuk-summary-list__value">
              <strong className={`govuk-tag ${statusWords[row.status].tag}`}>{statusWords[row.status].words}</strong>
            </dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href="/track">
          Track another report
        </a>
      </p>
    </>
  );
}

/** The tracking page: reference and tracking code in, each service's status out. */
export function TrackPage({ form, result }: TrackProps) {
  if (result) return <div className="govuk-grid-row"><div className="govuk-grid-column-two-thirds"><TrackResult result={result} /></div></div>;
  const referenceError = errorAt(form.errors, 'reference');
  const secretError = errorAt(form.errors, 'secret');
  const reference = typeof form.values.reference === 'string' ? form.values.reference : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">Track your report</h1>
        <p className="govuk-body">You were given a reference and a tracking code when you sent your report.</p>
        <PostForm form={form}>
          <div className={`govuk-form-group${referenceError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="reference">
              Reference
            </label>
            <div id="reference-hint" className="govuk-hint">
              For example, TUO-7K3M-9Q2M
            </div>
            <ErrorMessage id="reference-error" error={referenceError} />
            <input className={`govuk-input govuk-input--width-20${referenceError ? ' govuk-input--error' : ''}`} id="reference" name="reference" type="text" spellCheck={false} defaultValue={reference} aria-describedby={describedBy('reference-hint', referenceError && 'reference-error')} />
          </div>
          <div className={`govuk-form-group${secretError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="secret">
              Tracking code
            </label>
            <ErrorMessage id="secret-error" error={secretError} />
            <input className={`govuk-input${secretError ? ' govuk-input--error' : ''}`} id="secret" name="secret" type="text" spellCheck={false} autoComplete="off" aria-describedby={secretError ? 'secret-error' : undefined} />
          </div>
          <SubmitButton>Show progress</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
