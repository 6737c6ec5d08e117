import { useTranslation } from 'react-i18next';
import { deliveryKey } from '@tuo/shared';
import type { SubjectAccessExport } from '@tuo/shared/api/subject-access';
import type { SentPayload } from '@tuo/shared/pages/staff-page-model';
import { AnswerRowsList } from '../components/answer-rows-list.js';
import { TableScroller } from '../components/table-scroller.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { DeliveryName } from './delivery-history.js';
import { formatDateTime } from './staff-format.js';
import { VerificationTag } from './verification-tag.js';

function Rows({ rows }: { rows: [string, string][] }) {
  return <AnswerRowsList rows={rows.map(([label, value]) => ({ label, lines: [value] }))} />;
}

/** An audit line's detail as "name: value" lines (the codes as recorded, for the export's reader). */
function DetailLines({ detail }: { detail: unknown }) {
  if (typeof detail !== 'object' || detail === null) return null;
  return Object.entries(detail).map(([name, value]) => (
    <span key={name} className="govuk-!-display-block">
      {name}: {typeof value === 'string' ? value : JSON.stringify(value)}
    </span>
  ));
}

/** What one service was sent: how far it was checked, then its answers with the officer's labels. */
function SentPayloadList({ sent }: { sent: SentPayload }) {
  const { t } = useTranslation('staff');
  const checks = sent.verification?.checks ?? [];
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('subject-access.verification')}</dt>
          <dd className="govuk-summary-list__value">
            <VerificationTag level={sent.verification?.level ?? null} />
            {checks.map((check, index) => (
              <span key={index} className="govuk-!-display-block govuk-!-margin-top-1">
                {[
                  t(`checking.checkKinds.${check.kind}`, { defaultValue: check.kind }),
                  ...(check.kind === 'evidence-given' ? (check.detail ?? []) : []).map((d) =>
                    t(`checking.evidence.${d}`, { defaultValue: d }),
                  ),
                ].join(': ')}
                , {check.by}, {formatDateTime(check.at)}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      {sent.rows.length === 0 ? <p className="govuk-body">{t('subject-access.noAnswers')}</p> : null}
      <AnswerRowsList rows={sent.rows} />
    </>
  );
}

/** Everything held about one submission, as a printable page (subject access); the same data as the JSON download. */
export function SubjectAccessPage({
  data,
  jsonHref,
  payloads,
}: {
  data: SubjectAccessExport;
  jsonHref: string;
  payloads: Record<string, SentPayload>;
}) {
  const { t } = useTranslation('staff');
  const { submission } = data;
  const by = data.consentGivenBy;
  return (
    <>
      <h1 className="govuk-heading-l">{t('subject-access.title', { reference: submission.reference })}</h1>
      <p className="govuk-body">{t('subject-access.intro', { at: formatDateTime(data.exportedAt) })}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={jsonHref} download>
          {t('subject-access.download')}
        </a>
      </p>

      <h2 className="govuk-heading-m">{t('subject-access.submission')}</h2>
      <Rows
        rows={[
          [t('subject-access.reference'), submission.reference],
          [t('subject-access.lifeEvent'), t(catalogueKey.journey(submission.lifeEvent, 'title'))],
          [t('subject-access.channel'), t(`channels.${submission.channel}`, { defaultValue: submission.channel })],
          [t('subject-access.language'), submission.language],
          [t('subject-access.submitted'), formatDateTime(submission.submittedAt)],
          [
            t('subject-access.erased'),
            submission.answersErasedAt ? formatDateTime(submission.answersErasedAt) : t('subject-access.notErased'),
          ],
          ...(submission.erasureReason
            ? [[t('subject-access.erasureReason'), submission.erasureReason] as [string, string]]
            : []),
        ]}
      />

      <h2 className="govuk-heading-m">{t('subject-access.consent')}</h2>
      {by ? (
        <p className="govuk-body">
          {by.by === 'adviser'
            ? t('subject-access.consentBy.adviser', { staffId: by.staffId, mode: t(`assisted.modes.${by.mode}`) })
            : t('subject-access.consentBy.resident')}
        </p>
      ) : null}
      {data.consent.map((record) => (
        <section
          key={deliveryKey(record.agency, record.role)}
          aria-labelledby={`consent-${deliveryKey(record.agency, record.role)}`}
        >
          <h3 className="govuk-heading-s" id={`consent-${deliveryKey(record.agency, record.role)}`}>
            <DeliveryName
              delivery={{ agency: record.agency, organisation: record.organisation?.name, role: record.role }}
            />
          </h3>
          <Rows
            rows={[
              [
                t('subject-access.consentColumns.given'),
                record.given ? t('subject-access.yes') : t('subject-access.no'),
              ],
              [t('subject-access.consentColumns.purpose'), record.purposeText],
              ...(record.purposeVersion
                ? [[t('subject-access.consentColumns.version'), record.purposeVersion] as [string, string]]
                : []),
            ]}
          />
        </section>
      ))}

      <h2 className="govuk-heading-m">{t('subject-access.answers')}</h2>
      {data.answerSummary.length === 0 ? (
        <p className="govuk-body">{t('subject-access.noAnswers')}</p>
      ) : (
        <AnswerRowsList rows={data.answerSummary} />
      )}

      <h2 className="govuk-heading-m">{t('subject-access.deliveries')}</h2>
      {data.deliveries.map((delivery) => {
        const sent = payloads[delivery.id];
        return (
          <section key={delivery.id} className="govuk-!-margin-bottom-6" aria-labelledby={`export-${delivery.id}`}>
            <h3 className="govuk-heading-s" id={`export-${delivery.id}`}>
              <DeliveryName delivery={delivery} />: {delivery.status}
            </h3>
            <h4 className="govuk-heading-s">{t('subject-access.payload')}</h4>
            {sent ? <SentPayloadList sent={sent} /> : <p className="govuk-body">{t('subject-access.noPayload')}</p>}
            <h4 className="govuk-heading-s">{t('subject-access.events')}</h4>
            <ul className="govuk-list">
              {delivery.events.map((event, index) => (
                <li key={index}>
                  {formatDateTime(event.at)}: {event.status}
                  {event.detail ? `, ${event.detail}` : ''}
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <h2 className="govuk-heading-m">{t('subject-access.messages')}</h2>
      {data.residentMessages.length === 0 ? <p className="govuk-body">{t('subject-access.noMessages')}</p> : null}
      <ul className="govuk-list">
        {data.residentMessages.map((message) => (
          <li key={message.id}>
            {formatDateTime(message.createdAt)}: {message.kind}, {message.channel}, {message.status}
          </li>
        ))}
      </ul>

      <h2 className="govuk-heading-m">{t('subject-access.notes')}</h2>
      {data.caseNotes.length === 0 ? <p className="govuk-body">{t('subject-access.noNotes')}</p> : null}
      {data.caseNotes.map((note) => (
        <div key={note.id} className="govuk-inset-text">
          <p className="govuk-body-s">
            {t('submission.noteBy', { who: note.staffName ?? note.staffEmail, at: formatDateTime(note.createdAt) })}
          </p>
          <p className="govuk-body">{note.body}</p>
        </div>
      ))}

      <h2 className="govuk-heading-m">{t('subject-access.chases')}</h2>
      {data.chaseRequests.length === 0 ? <p className="govuk-body">{t('subject-access.noChases')}</p> : null}
      {data.chaseRequests.map((chase) => (
        <div key={`${chase.agency}-${chase.requestedAt}`} className="govuk-inset-text">
          <p className="govuk-body-s">
            {t('subject-access.chaseLine', {
              agency: chase.agency,
              target: chase.target,
              status: chase.status,
              at: formatDateTime(chase.requestedAt),
            })}
          </p>
          {chase.residentNote ? <p className="govuk-body">{chase.residentNote}</p> : null}
          {chase.staffNote ? <p className="govuk-body">{chase.staffNote}</p> : null}
        </div>
      ))}

      <h2 className="govuk-heading-m">{t('subject-access.audit', { count: data.auditEvents.length })}</h2>
      <TableScroller captionId="audit-events-caption">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s" id="audit-events-caption">
            {t('subject-access.auditCaption')}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {(['at', 'who', 'action', 'detail'] as const).map((column) => (
                <th key={column} scope="col" className="govuk-table__header">
                  {t(`subject-access.auditColumns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.auditEvents.map((event) => (
              <tr key={event.id} className="govuk-table__row">
                <td className="govuk-table__cell">{formatDateTime(event.at)}</td>
                <td className="govuk-table__cell">
                  {event.actorEmail ?? `${event.actorType}${event.actorId ? ` ${event.actorId}` : ''}`}
                </td>
                <td className="govuk-table__cell">{event.action}</td>
                <td className="govuk-table__cell govuk-body-s">
                  <DetailLines detail={event.detail} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}
