import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroller } from '../components/table-scroller.js';
import { agencyKinds } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { KindChannelSettings, OrganisationDefaults, OrganisationDone } from '@tuo/shared/pages/staff-page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm } from '../components/post-form.js';
import { SuccessBanner } from '../components/success-banner.js';
import { channelRows, KindChannelsSummary, SftpPublicKey } from './organisation-channel-summary.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

// The directory for staff admins: the list with its filters, and one organisation with its
// settings beside its kind's defaults. Adding and changing are organisation-form-page.tsx.

function Status({ organisation }: { organisation: AdminOrganisation }) {
  const { t } = useTranslation('staff');
  return (
    <>
      {organisation.enabled ? (
        <strong className="govuk-tag govuk-tag--green">{t('organisations.enabled')}</strong>
      ) : (
        <strong className="govuk-tag govuk-tag--grey">{t('organisations.disabled')}</strong>
      )}
      {organisation.fallback ? (
        <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-1">{t('organisations.fallback')}</strong>
      ) : null}
    </>
  );
}

/** Every organisation of the directory (a kind, a search), each linked to its page. */
export function OrganisationsPage({ form, organisations }: { form: FormProps; organisations: AdminOrganisation[] }) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <h1 className="govuk-heading-l">{t('organisations.title')}</h1>
      <p className="govuk-body">{t('organisations.intro')}</p>
      <p className="govuk-body">
        <a
          className="govuk-button"
          role="button"
          draggable="false"
          data-module="govuk-button"
          href="/staff/organisations/new"
        >
          {t('organisations.add')}
        </a>
      </p>
      <form method="get" action={form.action} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <SelectField
              form={form}
              name="kind"
              label={t('organisations.kind')}
              options={[
                ['', t('organisations.allKinds')],
                ...agencyKinds.map((kind) => [kind, t(`agencies.${kind}`)] as const),
              ]}
            />
          </div>
          <div className="govuk-grid-column-two-thirds">
            <TextField form={form} name="q" label={t('organisations.search')} hint={t('organisations.searchHint')} />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('organisations.filter')}
        </button>
      </form>
      <TableScroller captionId={captionId}>
        <table className="govuk-table">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
            {t('organisations.caption', { count: organisations.length })}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['name', 'kind', 'code', 'status'].map((column) => (
                <th key={column} scope="col" className="govuk-table__header">
                  {t(`organisations.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {organisations.map((organisation) => (
              <tr key={organisation.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`/staff/organisations/${organisation.id}`}>
                    {organisation.name}
                  </a>
                </td>
                <td className="govuk-table__cell">{t(`agencies.${organisation.kind}`)}</td>
                <td className="govuk-table__cell">{organisation.code ?? ''}</td>
                <td className="govuk-table__cell">
                  <Status organisation={organisation} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}

/** One organisation: what the directory says, its settings (or its kind's defaults), and disabling it. */
export function OrganisationPage(props: {
  organisation: AdminOrganisation;
  defaults: OrganisationDefaults;
  kindChannels: KindChannelSettings | null;
  form: FormProps;
  done: OrganisationDone | null;
}) {
  const { organisation, defaults, kindChannels, form, done } = props;
  const { t } = useTranslation('staff');
  const { targets, verificationMinimum } = organisation.settings;
  const target = targets ?? defaults.targets;
  const rows: [string, string][] = [
    ['kind', t(`agencies.${organisation.kind}`)],
    ['code', organisation.code ?? t('organisations.none')],
    ['areas', organisation.areas.length > 0 ? organisation.areas.join(', ') : t('organisations.none')],
    ['postcode', organisation.postcode ?? t('organisations.none')],
    ['custodianCode', organisation.custodianCode ?? t('organisations.none')],
    [
      'targets',
      t(targets ? 'organisations.targetsOwn' : 'organisations.targetsDefault', {
        acknowledge: target.acknowledgeDays,
        action: target.actionDays,
      }),
    ],
    [
      'verificationMinimum',
      verificationMinimum
        ? t(`checking.levels.${verificationMinimum}`)
        : t('organisations.minimumDefault', { level: t(`checking.levels.${defaults.verificationMinimum}`) }),
    ],
    ...channelRows(t, organisation),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <SuccessBanner title={t('organisations.doneTitle')}>
            <p className="govuk-notification-banner__heading">{t(`organisations.done.${done}`)}</p>
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">{organisation.name}</h1>
        <p className="govuk-body">
          <Status organisation={organisation} />
        </p>
        <dl className="govuk-summary-list">
          {rows.map(([key, value]) => (
            <div key={key} className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t(`organisations.columns.${key}`)}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        {organisation.settings.file ? <SftpPublicKey publicKey={organisation.settings.file.publicKey} /> : null}
        {kindChannels ? <KindChannelsSummary settings={kindChannels} /> : null}
        <p className="govuk-body">
          <a className="govuk-link" href={`/staff/organisations/${organisation.id}/change`}>
            {t('organisations.change')}
          </a>
        </p>
        {organisation.fallback ? (
          <p className="govuk-body">{t('organisations.fallbackHint')}</p>
        ) : (
          <>
            <h2 className="govuk-heading-m">
              {t(organisation.enabled ? 'organisations.disable' : 'organisations.enable')}
            </h2>
            <p className="govuk-body">
              {t(organisation.enabled ? 'organisations.disableHint' : 'organisations.enableHint')}
            </p>
            <PostForm form={form}>
              <input type="hidden" name="enabled" value={organisation.enabled ? 'no' : 'yes'} />
              <button
                type="submit"
                className={`govuk-button ${organisation.enabled ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
                data-module="govuk-button"
              >
                {t(organisation.enabled ? 'organisations.disable' : 'organisations.enable')}
              </button>
            </PostForm>
          </>
        )}
        <p className="govuk-body">
          <a className="govuk-link" href="/staff/organisations">
            {t('organisations.back')}
          </a>
        </p>
      </div>
    </div>
  );
}
