import type { AgencyKind } from '@tuo/shared';
import { useTranslation } from 'react-i18next';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { formatDateTime } from '../staff/staff-format.js';
import { TextField } from '../staff/text-field.js';
import { SuccessBanner } from '../components/success-banner.js';

type KeysProps = Omit<Extract<AgencyPageProps, { view: 'keys' }>, 'view' | 'nav'> & { agency: AgencyKind };

/** A secret shown once, in a box that is easy to select and copy. */
function ShownOnce({ title, body, value }: { title: string; body: string; value: string }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
      <h2 className="govuk-panel__title govuk-!-font-size-27">{title}</h2>
      <div className="govuk-panel__body govuk-!-font-size-19">
        <p>{body}</p>
        <p>
          <code className="govuk-!-text-break-word">{value}</code>
        </p>
      </div>
    </div>
  );
}

/** Agency admins: the agency's API keys (make one, revoke one) and the webhook signing secret (rotate it). */
export function KeysPage({ keys, webhook, graceHours, form, created, rotated, done, agency }: KeysProps) {
  const { t } = useTranslation('agency');
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      {done === 'revoked' ? (
        <SuccessBanner title={t('notification.doneTitle')}>
          <p className="govuk-notification-banner__heading">{t('keys.revoked')}</p>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t('keys.title')}</h1>
      {created ? (
        <ShownOnce
          title={t('keys.createdTitle')}
          body={t('keys.createdBody', { name: created.name })}
          value={created.key}
        />
      ) : null}
      {rotated ? (
        <ShownOnce
          title={t('keys.rotatedTitle')}
          body={t('keys.rotatedBody', { at: formatDateTime(rotated.previousRetiresAt) })}
          value={rotated.secret}
        />
      ) : null}
      <p className="govuk-body">{t('keys.intro')}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t('keys.listCaption')}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['name', 'prefix', 'created', 'lastUsed', 'state', 'action'].map((column) => (
              <th key={column} scope="col" className="govuk-table__header">
                {t(`keys.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {keys.map((key) => (
            <tr key={key.id} className="govuk-table__row">
              <td className="govuk-table__cell">{key.name}</td>
              <td className="govuk-table__cell">
                <code>{key.prefix}</code>
              </td>
              <td className="govuk-table__cell">{formatDateTime(key.createdAt)}</td>
              <td className="govuk-table__cell">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('keys.never')}</td>
              <td className="govuk-table__cell">
                {key.revokedAt ? t('keys.revokedState', { at: formatDateTime(key.revokedAt) }) : t('keys.live')}
              </td>
              <td className="govuk-table__cell">
                {key.revokedAt ? null : (
                  <form method="post" action={`/agency/keys/${key.id}/revoke`}>
                    <input type="hidden" name="_csrf" value={form.csrfToken} />
                    <button
                      type="submit"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                      aria-label={t('keys.revokeName', { name: key.name })}
                    >
                      {t('keys.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length === 0 ? <p className="govuk-body">{t('keys.noKeys')}</p> : null}
      <h2 className="govuk-heading-m">{t('keys.newKey')}</h2>
      <PostForm form={form}>
        <TextField form={form} name="name" label={t('keys.name')} hint={t(`kinds.${agency}.keyNameHint`)} />
        <SubmitButton>{t('keys.create')}</SubmitButton>
      </PostForm>
      <h2 className="govuk-heading-m">{t('keys.webhookTitle')}</h2>
      {webhook.webhook ? (
        <>
          <p className="govuk-body">
            {webhook.rotatedAt ? t('keys.rotatedAt', { at: formatDateTime(webhook.rotatedAt) }) : t('keys.configured')}
          </p>
          {webhook.retiring.map((at) => (
            <p key={at} className="govuk-body">
              {t('keys.retiring', { at: formatDateTime(at) })}
            </p>
          ))}
          <p className="govuk-hint">{t('keys.rotateHint', { hours: graceHours })}</p>
          <form method="post" action="/agency/webhook-secret">
            <input type="hidden" name="_csrf" value={form.csrfToken} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('keys.rotate')}
            </button>
          </form>
        </>
      ) : (
        <p className="govuk-body">{t('keys.noWebhook')}</p>
      )}
    </>
  );
}
