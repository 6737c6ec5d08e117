import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '@tuo/shared/api/staff-submissions';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { DeliveryHistoryView } from './delivery-history.js';
import { formatDateTime } from './staff-format.js';
import { TextField } from './text-field.js';
import { AnswerRowsList } from '../components/answer-rows-list.js';
import { SuccessBanner } from '../components/success-banner.js';

interface SubmissionPageProps {
  submission: SubmissionView;
  canRepair: boolean;
  canAdminister: boolean;
  form: FormProps;
  done: 'retried' | 'handled-offline' | 'note-added' | 'erased' | 'withdrawn' | 'corrected' | null;
}

/** For admins: see everything held (subject access), download it, or erase it early. */
function PersonalData({ submission, canAdminister }: { submission: SubmissionView; canAdminister: boolean }) {
  const { t } = useTranslation('staff');
  if (!canAdminister && !submission.erasure) return null;
  const base = `/staff/submissions/${encodeURIComponent(submission.reference)}`;
  return (
    <>
      <h2 className="govuk-heading-m">{t('privacy.heading')}</h2>
      {submission.erasure ? (
        <p className="govuk-body">
          {t(`privacy.erased.${submission.erasure.kind}`, { at: formatDateTime(submission.erasure.at) })}
        </p>
      ) : null}
      {canAdminister ? (
        <ul className="govuk-list">
          <li>
            <a className="govuk-link" href={`${base}/export`}>
              {t('privacy.export')}
            </a>
          </li>
          <li>
            <a className="govuk-link" href={`${base}/export.json`} download>
              {t('privacy.exportJson')}
            </a>
          </li>
          {submission.erasure ? null : (
            <li>
              <a className="govuk-link" href={`${base}/erase`}>
                {t('privacy.erase')}
              </a>
            </li>
          )}
        </ul>
      ) : null}
    </>
  );
}

/** One submission: who made it and how, the answers, each agency's delivery history, and case notes. */
export function SubmissionPage({ submission, canRepair, canAdminister, form, done }: SubmissionPageProps) {
  const { t } = useTranslation('staff');
  const { assisted } = submission;
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      {done ? (
        <SuccessBanner title={t('submission.doneTitle')}>
          <p className="govuk-notification-banner__heading">{t(`submission.done.${done}`)}</p>
        </SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">{t(catalogueKey.journey(submission.lifeEvent, 'title'))}</span>
      <h1 className="govuk-heading-l">{t('submission.title', { reference: submission.reference })}</h1>
      <p className="govuk-body">
        {t('submission.submitted', {
          at: formatDateTime(submission.submittedAt),
          channel: t(`channels.${submission.channel}`, { defaultValue: submission.channel }),
        })}
      </p>
      <p className="govuk-body" id="submission-language">
        {t('submission.language', {
          language: t(`languages.${submission.language}`, { defaultValue: submission.language }),
        })}
      </p>
      {assisted ? (
        <div className="govuk-inset-text">
          {t('submission.assistedBy', {
            who: assisted.staffName ?? assisted.staffEmail ?? assisted.staffId,
            mode: t(`assisted.modes.${assisted.mode}`),
            checks: assisted.identityChecks.map((check) => t(`assisted.checks.${check}`)).join(', '),
          })}
        </div>
      ) : null}
      {submission.withdrawn ? (
        <div className="govuk-inset-text" id="withdrawn">
          <p className="govuk-body govuk-!-font-weight-bold">
            {t(`submission.withdrawnBy.${submission.withdrawn.by}`, { at: formatDateTime(submission.withdrawn.at) })}
          </p>
          {submission.withdrawn.reason ? (
            <p className="govuk-body">{t('submission.withdrawnReason', { reason: submission.withdrawn.reason })}</p>
          ) : null}
        </div>
      ) : null}
      {submission.possibleDuplicates.length > 0 ? (
        <div className="govuk-warning-text" id="possible-duplicates">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('submission.warning')}</span>
            {t('submission.possibleDuplicates', { count: submission.possibleDuplicates.length })}
            <ul className="govuk-list">
              {submission.possibleDuplicates.map((other) => (
                <li key={other.reference}>
                  <a className="govuk-link" href={`/staff/submissions/${encodeURIComponent(other.reference)}`}>
                    {other.reference}
                  </a>{' '}
                  {t('submission.duplicateSubmitted', { at: formatDateTime(other.submittedAt) })}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <PersonalData submission={submission} canAdminister={canAdminister} />
      <h2 className="govuk-heading-m">{t('submission.answers')}</h2>
      <AnswerRowsList rows={submission.answers} />
      <h2 className="govuk-heading-m">{t('submission.deliveries')}</h2>
      {submission.deliveries.map((delivery) => (
        <DeliveryHistoryView key={delivery.id} delivery={delivery} canRepair={canRepair} form={form} />
      ))}
      {canRepair && !submission.withdrawn ? (
        <p className="govuk-body">
          <a
            className="govuk-link"
            href={`/staff/submissions/${encodeURIComponent(submission.reference)}/correction`}
            id="correct-link"
          >
            {t('correction.link')}
          </a>
        </p>
      ) : null}
      {canRepair && !submission.withdrawn ? (
        <details className="govuk-details" open={form.errors.some((e) => e.field === 'withdrawReason') || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t('submission.withdraw')}</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">{t('submission.withdrawIntro')}</p>
            <PostForm
              form={{ ...form, action: `/staff/submissions/${encodeURIComponent(submission.reference)}/withdraw` }}
            >
              <TextField
                form={form}
                name="withdrawReason"
                label={t('submission.withdrawReason')}
                hint={t('submission.withdrawReasonHint')}
                multiline
              />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t('submission.withdraw')}
              </button>
            </PostForm>
          </div>
        </details>
      ) : null}
      <h2 className="govuk-heading-m">{t('submission.notes')}</h2>
      {submission.notes.length === 0 ? <p className="govuk-body">{t('submission.noNotes')}</p> : null}
      {submission.notes.map((note) => (
        <div key={note.id} className="govuk-inset-text">
          <p className="govuk-body-s">
            {t('submission.noteBy', { who: note.staffName ?? note.staffEmail, at: formatDateTime(note.createdAt) })}
          </p>
          <p className="govuk-body">{note.body}</p>
        </div>
      ))}
      <PostForm form={form}>
        <TextField form={form} name="body" label={t('submission.addNote')} hint={t('submission.noteHint')} multiline />
        <SubmitButton>{t('submission.saveNote')}</SubmitButton>
      </PostForm>
    </>
  );
}
