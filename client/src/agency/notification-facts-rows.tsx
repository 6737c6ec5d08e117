import { formatIsoDate } from '@tuo/shared/identifiers/calendar-date';
import type { HandledBy, NotificationFacts, TargetDate } from '@tuo/shared/pages/agency-page-model';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../staff/staff-format.js';

function Row({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row" id={id}>
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** How the report was made and, for an assisted one, by which adviser with which identity checks. */
export function ReportOriginRows({ facts }: { facts: NotificationFacts }) {
  const { t } = useTranslation('agency');
  return (
    <>
      {facts.channel ? (
        <Row id="channel" label={t('facts.channel')}>
          {t(`facts.channels.${facts.channel}`)}
        </Row>
      ) : null}
      {facts.adviser ? (
        <Row id="adviser" label={t('facts.adviser')}>
          <span className="govuk-!-display-block">{t('facts.adviserId', { staffId: facts.adviser.staffId })}</span>
          <span className="govuk-!-display-block">
            {facts.adviser.identityChecks.length > 0
              ? t('facts.identityChecks', {
                  checks: facts.adviser.identityChecks.map((check) => t(`facts.checks.${check}`)).join(', '),
                })
              : t('facts.noIdentityChecks')}
          </span>
        </Row>
      ) : null}
      {facts.uprns.map(({ label, uprn }) => (
        <Row key={label} label={t('facts.uprn', { label })}>
          {uprn}
        </Row>
      ))}
    </>
  );
}

/** When a step happened and who did it (a portal user's email, or a system's API key name); "Not yet" before. */
export function HandledRow({
  id,
  label,
  at,
  by,
}: {
  id: string;
  label: string;
  at: string | null;
  by: HandledBy | null;
}) {
  const { t } = useTranslation('agency');
  return (
    <Row id={id} label={label}>
      {at ? formatDateTime(at) : t('notification.notYet')}
      {at && by ? <span className="govuk-!-display-block">{t(`facts.by.${by.by}`, { name: by.name })}</span> : null}
    </Row>
  );
}

function TargetValue({ target, missed }: { target: TargetDate; missed: string }) {
  const { t } = useTranslation('agency');
  return (
    <>
      {t('facts.targetBy', { date: formatIsoDate(target.by) })}
      {target.missed ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">{missed}</strong> : null}
    </>
  );
}

/** The last days to acknowledge and to act (working days from delivery), each marked when missed. */
export function TargetRows({ targets }: { targets: NotificationFacts['targets'] }) {
  const { t } = useTranslation('agency');
  if (!targets) return null;
  return (
    <>
      <Row id="target-acknowledge" label={t('facts.acknowledgeTarget')}>
        <TargetValue target={targets.acknowledge} missed={t('missedTarget.acknowledge')} />
      </Row>
      <Row id="target-action" label={t('facts.actionTarget')}>
        <TargetValue target={targets.action} missed={t('missedTarget.action')} />
      </Row>
    </>
  );
}
