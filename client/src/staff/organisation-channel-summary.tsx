import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ShownOrganisationSettings } from '@tuo/shared/api/organisation-admin';
import type { KindChannelSettings } from '@tuo/shared/pages/staff-page-model';
import { chosenChannel, parseSftpAddress } from '@tuo/shared/api/organisation-channels';

/**
 * The summary rows of how an organisation is told, as `[column key, words]`: its primary channel,
 * its webhook (whose secret is only said to be set), its scheduled file and its email alert. A
 * fallback without a choice of its own is told as its kind is configured (`AGENCY_<KIND>_*`).
 */
export function channelRows(
  t: TFunction<'staff'>,
  organisation: { fallback: boolean; settings: ShownOrganisationSettings },
): [string, string][] {
  const { settings } = organisation;
  const chosen = chosenChannel(settings);
  const address = settings.file ? parseSftpAddress(settings.file.url) : undefined;
  return [
    [
      'primaryChannel',
      chosen
        ? t(`organisations.channels.${chosen}`)
        : t(organisation.fallback ? 'organisations.kindChannels' : 'organisations.inbox'),
    ],
    [
      'webhook',
      settings.webhook ? t('organisations.webhookSet', { url: settings.webhook.url }) : t('organisations.none'),
    ],
    [
      'file',
      settings.file && address
        ? t('organisations.fileSet', {
            user: address.username,
            host: address.host,
            port: address.port,
            folder: address.directory,
            format: t(`organisation-form.formats.${settings.file.format}`),
            schedule: settings.file.schedule,
          })
        : t('organisations.none'),
    ],
    ['fileHostKey', settings.file?.hostKey ?? t('organisations.none')],
    [
      'alert',
      settings.alert
        ? t('organisations.alertSet', {
            email: settings.alert.email,
            frequency: t(`organisations.frequencies.${settings.alert.frequency}`),
          })
        : t('organisations.none'),
    ],
  ];
}

/**
 * The public key the portal signs in to the organisation's SFTP server with, for its IT to add to
 * the account's authorized_keys: in a read-only box, whole, to select and copy (the private key
 * never leaves the portal).
 */
export function SftpPublicKey({ publicKey }: { publicKey: string }) {
  const { t } = useTranslation('staff');
  return (
    <div className="govuk-form-group">
      <h2 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--m" htmlFor="sftpPublicKey">
          {t('organisations.publicKey')}
        </label>
      </h2>
      <div id="sftpPublicKey-hint" className="govuk-hint">
        {t('organisations.publicKeyHint')}
      </div>
      <textarea
        className="govuk-textarea"
        id="sftpPublicKey"
        rows={3}
        readOnly
        spellCheck={false}
        aria-describedby="sftpPublicKey-hint"
        value={publicKey}
      />
    </div>
  );
}

/**
 * What a kind's fallback follows where it sets nothing itself: its kind's `AGENCY_<KIND>_*`
 * settings as the server has them (hosts, folder, schedule, mailbox; never a secret or key).
 */
export function KindChannelsSummary({ settings }: { settings: KindChannelSettings }) {
  const { t } = useTranslation('staff');
  const none = t('organisations.none');
  const rows: [string, string][] = [
    ['channel', t(`organisations.kindSettings.channels.${settings.channel}`)],
    [
      'webhook',
      settings.webhookHost ? t('organisations.kindSettings.webhookSet', { host: settings.webhookHost }) : none,
    ],
    [
      'file',
      settings.file
        ? t('organisations.fileSet', {
            user: settings.file.username,
            host: settings.file.host,
            port: settings.file.port,
            folder: settings.file.folder,
            format: t(`organisation-form.formats.${settings.file.format}`),
            schedule: settings.file.schedule,
          })
        : none,
    ],
    ['fileHostKey', settings.file?.hostKeySha256 ?? none],
    [
      'alert',
      settings.alert
        ? t('organisations.alertSet', {
            email: settings.alert.email,
            frequency: t(`organisations.frequencies.${settings.alert.frequency}`),
          })
        : none,
    ],
  ];
  return (
    <section aria-labelledby="kind-settings-title">
      <h2 className="govuk-heading-m" id="kind-settings-title">
        {t('organisations.kindSettings.title', { prefix: settings.envPrefix })}
      </h2>
      <p className="govuk-body">{t('organisations.kindSettings.hint')}</p>
      <dl className="govuk-summary-list" id="kind-settings">
        {rows.map(([key, value]) => (
          <div key={key} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t(`organisations.kindSettings.columns.${key}`)}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
