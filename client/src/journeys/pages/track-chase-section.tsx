import { useTranslation } from 'react-i18next';
import { toldName } from '../../i18n/told-name.js';
import type { TFunction } from 'i18next';
import { deliveryKey } from '@tuo/shared';
import type { TrackChase, TrackChaseAgency } from '@tuo/shared/pages/track-chase-model';
import { ErrorMessage } from '../../components/error-message.js';
import { describedBy, errorAt } from '../../components/field-ids.js';
import { PostForm } from '../../components/post-form.js';

function useDate() {
  const { t } = useTranslation();
  const format = new Intl.DateTimeFormat(t('service.locale'), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  // Deadlines are UK calendar days; noon keeps them on that day whatever the reader's time zone.
  return (value: string) => format.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
}

/** An organisation told, by name; the kind's own team by what it does, in the reader's language. */
function chasedName(t: TFunction, row: TrackChaseAgency): string {
  return toldName(t, row.agency, { name: row.organisation, fallback: row.organisationFallback }, 'name');
}

function AgencyChase({ row, chase }: { row: TrackChaseAgency; chase: TrackChase }) {
  const { t } = useTranslation();
  const date = useDate();
  // The organisation told (the old council and the new are two notifications of one kind).
  const agency = chasedName(t, row);
  const key = deliveryKey(row.agency, row.role);
  const noteName = `note-${key}`;
  const error = errorAt(chase.form.errors, noteName);
  const typed = chase.form.values[noteName];
  const reference = chase.form.values.reference;
  const active = row.requests.some((request) => request.status !== 'resolved');
  return (
    <div className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">{agency}</h3>
      {row.missed && row.deadline ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            {t(`service-levels:chase.missed.${row.missed}`, { agency, deadline: date(row.deadline) })}
          </strong>
        </div>
      ) : null}
      {row.requests.length > 0 ? (
        <ul className="govuk-list" aria-label={t('service-levels:chase.history', { agency })}>
          {row.requests.map((request) => (
            <li key={request.requestedAt}>
              {t(`service-levels:chase.status.${request.status}`, {
                at: date(request.status === 'open' ? request.requestedAt : (request.handledAt ?? request.requestedAt)),
              })}
              {request.staffNote ? (
                <span className="govuk-!-display-block govuk-body-s">
                  {t('service-levels:chase.staffNote', { note: request.staffNote })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {row.canAsk ? (
        <PostForm form={chase.form}>
          <input type="hidden" name="reference" value={typeof reference === 'string' ? reference : ''} />
          <input type="hidden" name="agency" value={key} />
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={noteName}>
              {t('service-levels:chase.noteLabel')}
            </label>
            <div id={`${noteName}-hint`} className="govuk-hint">
              {t('service-levels:chase.noteHint')}
            </div>
            <ErrorMessage id={`${noteName}-error`} error={error} />
            <textarea
              className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
              id={noteName}
              name={noteName}
              rows={3}
              defaultValue={typeof typed === 'string' ? typed : ''}
              aria-describedby={describedBy(`${noteName}-hint`, error && `${noteName}-error`)}
            />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('service-levels:chase.button', { agency })}
          </button>
        </PostForm>
      ) : row.missed && !active ? (
        <p className="govuk-body">{t('service-levels:chase.limitReachedNote')}</p>
      ) : null}
    </div>
  );
}

/**
 * Service standards on the tracking page: which services have missed their target, a one-click
 * "ask us to chase" form for each (a plain form; the note is optional), and what became of the
 * resident's earlier requests. Nothing shows while every service is within its target.
 */
export function TrackChaseSection({ chase }: { chase: TrackChase }) {
  const { t } = useTranslation();
  const shown = chase.agencies.filter((row) => row.missed !== null || row.requests.length > 0);
  if (shown.length === 0 && !chase.requested) return null;
  return (
    <>
      {chase.requested ? (
        <div
          className="govuk-notification-banner govuk-notification-banner--success"
          role="alert"
          aria-labelledby="chase-requested-title"
          data-module="govuk-notification-banner"
        >
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="chase-requested-title">
              {t('service-levels:chase.requestedTitle')}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {t('service-levels:chase.requested', {
                agency: ((requested) => (requested ? chasedName(t, requested) : ''))(
                  chase.agencies.find((row) => deliveryKey(row.agency, row.role) === chase.requested),
                ),
              })}
            </p>
          </div>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">{t('service-levels:chase.heading')}</h2>
      <p className="govuk-body">{t('service-levels:chase.intro')}</p>
      {shown.map((row) => (
        <AgencyChase key={deliveryKey(row.agency, row.role)} row={row} chase={chase} />
      ))}
    </>
  );
}
