import { useTranslation } from 'react-i18next';
import { primaryChannels } from '@tuo/shared/api/organisation-channels';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

/** Ticked: the portal makes the organisation a new SFTP key pair, replacing the one its IT authorised. */
function NewKeyCheckbox({ form }: { form: FormProps }) {
  const { t } = useTranslation('staff');
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="fileNewKey"
            name="fileNewKey"
            type="checkbox"
            value="yes"
            aria-describedby="fileNewKey-hint"
            defaultChecked={form.values.fileNewKey === 'yes'}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="fileNewKey">
            {t('organisation-form.fileNewKey')}
          </label>
          <div id="fileNewKey-hint" className="govuk-hint govuk-checkboxes__hint">
            {t('organisation-form.fileNewKeyHint')}
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * How an organisation is told, as plain form fields: its primary channel, its webhook (the secret
 * written only: the box is always empty), its scheduled file over SFTP (the address in its parts),
 * and its team mailbox's email alert. A blank section is not set up.
 */
export function OrganisationChannelFields({ form, changing }: { form: FormProps; changing: boolean }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <h2 className="govuk-heading-m">{t('organisation-form.channel')}</h2>
      <p className="govuk-body">{t('organisation-form.channelIntro')}</p>
      <SelectField
        form={form}
        name="primaryChannel"
        label={t('organisations.columns.primaryChannel')}
        hint={t('organisation-form.primaryChannelHint')}
        options={[
          ['', t('organisation-form.primaryChannelDefault')],
          ...primaryChannels.map((channel) => [channel, t(`organisations.channels.${channel}`)] as const),
        ]}
      />
      <h3 className="govuk-heading-s">{t('organisation-form.webhookHeading')}</h3>
      <TextField
        form={form}
        name="webhookUrl"
        label={t('organisations.columns.webhook')}
        hint={t('organisation-form.webhookHint')}
        type="url"
      />
      <TextField
        form={{ ...form, values: {} }}
        name="webhookSecret"
        label={t('organisation-form.webhookSecret')}
        hint={t(changing ? 'organisation-form.webhookSecretKeepHint' : 'organisation-form.webhookSecretHint')}
        type="password"
        autoComplete="off"
      />
      <h3 className="govuk-heading-s">{t('organisation-form.fileHeading')}</h3>
      <p className="govuk-body">{t('organisation-form.fileIntro')}</p>
      <TextField
        form={form}
        name="sftpHost"
        label={t('organisation-form.sftpHost')}
        hint={t('organisation-form.sftpHostHint')}
      />
      <TextField
        form={form}
        name="sftpPort"
        label={t('organisation-form.sftpPort')}
        hint={t('organisation-form.sftpPortHint')}
        width="govuk-input--width-5"
      />
      <TextField form={form} name="sftpUser" label={t('organisation-form.sftpUser')} width="govuk-input--width-20" />
      <TextField
        form={form}
        name="sftpFolder"
        label={t('organisation-form.sftpFolder')}
        hint={t('organisation-form.sftpFolderHint')}
      />
      <TextField
        form={form}
        name="fileHostKey"
        label={t('organisation-form.fileHostKey')}
        hint={t('organisation-form.fileHostKeyHint')}
      />
      <SelectField
        form={form}
        name="fileFormat"
        label={t('organisation-form.fileFormat')}
        options={[
          ['csv', t('organisation-form.formats.csv')],
          ['xml', t('organisation-form.formats.xml')],
        ]}
      />
      <TextField
        form={form}
        name="fileSchedule"
        label={t('organisation-form.fileSchedule')}
        hint={t('organisation-form.fileScheduleHint')}
        width="govuk-input--width-10"
      />
      {changing ? <NewKeyCheckbox form={form} /> : null}
      <h3 className="govuk-heading-s">{t('organisation-form.alertHeading')}</h3>
      <TextField
        form={form}
        name="alertEmail"
        label={t('organisation-form.alertEmail')}
        hint={t('organisation-form.alertEmailHint')}
        type="email"
        autoComplete="off"
      />
      <SelectField
        form={form}
        name="alertFrequency"
        label={t('organisation-form.alertFrequency')}
        options={[
          ['immediate', t('organisations.frequencies.immediate')],
          ['daily', t('organisations.frequencies.daily')],
        ]}
      />
    </>
  );
}
