import { useTranslation } from 'react-i18next';
import type { ChaseQueue, ChaseQueueItem } from '@tuo/shared/api/chase-requests';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { errorAt } from '../components/field-ids.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { formatDateTime } from './staff-format.js';
import { TextField } from './text-field.js';
import { SuccessBanner } from '../components/success-banner.js';

function Outcome({ item, form }: { item: ChaseQueueItem; form: FormProps }) {
  const { t } = useTranslation('staff');
  const outcomeName = `outcome-${item.id}`;
  const error = errorAt(form.errors, outcomeName);
  const chosen = form.values[outcomeName];
  const choices = item.status === 'open' ? (['chased', 'resolved'] as const) : (['resolved'] as const);
  return (
    <form method="post" action={`/staff/chase-requests/${item.id}`} noValidate>
      <input type="hidden" name="_csrf" value={form.csrfToken} />
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('chase-requests.outcome')}</legend>
          <ErrorMessage id={`${outcomeName}-error`} error={error} />
          <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
            {choices.map((choice, index) => (
              <div key={choice} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={index === 0 ? outcomeName : `${outcomeName}-${choice}`}
                  name={outcomeName}
                  type="radio"
                  value={choice}
                  defaultChecked={chosen === choice}
                />
                <label
                  className="govuk-label govuk-radios__label"
                  htmlFor={index === 0 ? outcomeName : `${outcomeName}-${choice}`}
                >
                  {t(`chase-requests.outcomes.${choice}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <TextField
        form={form}
        name={`note-${item.id}`}
        label={t('chase-requests.note')}
        hint={t('chase-requests.noteHint')}
        multiline
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t('chase-requests.save')}
      </button>
    </form>
  );
}

function Item({ item, form }: { item: ChaseQueueItem; form: FormProps }) {
  const { t } = useTranslation('staff');
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`chase-${item.id}`}>
      <h3 className="govuk-heading-s" id={`chase-${item.id}`}>
        <a className="govuk-link" href={`/staff/submissions/${item.reference}`}>
          {item.reference}
        </a>{' '}
        {t(`agencies.${item.agency}`)}{' '}
        <strong className="govuk-tag govuk-tag--grey">{t(`chase-requests.statuses.${item.status}`)}</strong>
      </h3>
      <p className="govuk-body-s">
        {t('chase-requests.summary', {
          lifeEvent: t(catalogueKey.journey(item.lifeEvent, 'title')),
          target: t(`chase-requests.targets.${item.target}`),
          at: formatDateTime(item.requestedAt),
        })}
      </p>
      {item.residentNote ? (
        <div className="govuk-inset-text">{t('chase-requests.residentNote', { note: item.residentNote })}</div>
      ) : null}
      {item.staffNote && item.handledAt ? (
        <p className="govuk-body-s">
          {t('chase-requests.staffNote', { note: item.staffNote, at: formatDateTime(item.handledAt) })}
        </p>
      ) : null}
      {item.status !== 'resolved' ? <Outcome item={item} form={form} /> : null}
    </section>
  );
}

/** Residents' requests to chase a service that missed its target: open ones first, oldest first. */
export function ChaseRequestsPage({
  queue,
  form,
  done,
}: {
  queue: ChaseQueue;
  form: FormProps;
  done: 'chased' | 'resolved' | null;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      {done ? (
        <SuccessBanner title={t('submission.doneTitle')}>
          <p className="govuk-notification-banner__heading">{t(`chase-requests.done.${done}`)}</p>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t('chase-requests.title')}</h1>
      <p className="govuk-body">{t('chase-requests.intro')}</p>
      <h2 className="govuk-heading-m">{t('chase-requests.active', { count: queue.active.length })}</h2>
      {queue.active.length === 0 ? <p className="govuk-body">{t('chase-requests.none')}</p> : null}
      {queue.active.map((item) => (
        <Item key={item.id} item={item} form={form} />
      ))}
      {queue.resolved.length > 0 ? <h2 className="govuk-heading-m">{t('chase-requests.resolved')}</h2> : null}
      {queue.resolved.map((item) => (
        <Item key={item.id} item={item} form={form} />
      ))}
    </>
  );
}
