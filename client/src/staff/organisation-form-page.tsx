import { useTranslation } from 'react-i18next';
import { agencyKinds, type AgencyKind } from '@tuo/shared';
import { verificationLevels } from '@tuo/shared/verification/verification';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { OrganisationDefaults } from '@tuo/shared/pages/staff-page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { OrganisationChannelFields } from './organisation-channel-fields.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

/** The kind of a new organisation: GOV.UK radios (it never changes afterwards). */
function KindRadios({ form }: { form: FormProps }) {
  const { t } = useTranslation('staff');
  const error = errorAt(form.errors, 'kind');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy('kind-hint', error && 'kind-error')}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('organisations.kind')}</legend>
        <div id="kind-hint" className="govuk-hint">
          {t('organisation-form.kindHint')}
        </div>
        <ErrorMessage id="kind-error" error={error} />
        <div className="govuk-radios" data-module="govuk-radios">
          {agencyKinds.map((kind, index) => (
            <div key={kind} className="govuk-radios__item">
              <input
                className="govuk-radios__input"
                id={index === 0 ? 'kind' : `kind-${kind}`}
                name="kind"
                type="radio"
                value={kind}
                defaultChecked={form.values.kind === kind}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={index === 0 ? 'kind' : `kind-${kind}`}>
                {t(`agencies.${kind}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * Adding an organisation (`organisationId` null) or changing one: what the directory says of it,
 * and its own settings, each left blank for its kind's default (said in the hint).
 */
export function OrganisationFormPage(props: {
  form: FormProps;
  organisationId: string | null;
  kind: AgencyKind | null;
  defaults: Record<AgencyKind, OrganisationDefaults>;
}) {
  const { form, organisationId, kind, defaults } = props;
  const { t } = useTranslation('staff');
  const kinds = kind ? [kind] : agencyKinds;
  const defaultTargets = kinds
    .map((k) =>
      t('organisation-form.defaultTargets', {
        kind: t(`agencies.${k}`),
        acknowledge: defaults[k].targets.acknowledgeDays,
        action: defaults[k].targets.actionDays,
      }),
    )
    .join('; ');
  const defaultMinimums = kinds
    .map((k) =>
      t('organisation-form.defaultMinimum', {
        kind: t(`agencies.${k}`),
        level: t(`checking.levels.${defaults[k].verificationMinimum}`),
      }),
    )
    .join('; ');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">
          {t(organisationId ? 'organisation-form.changeTitle' : 'organisation-form.title')}
        </h1>
        <PostForm form={form}>
          {kind ? (
            <p className="govuk-body">{t('organisation-form.kindIs', { kind: t(`agencies.${kind}`) })}</p>
          ) : (
            <KindRadios form={form} />
          )}
          <TextField form={form} name="name" label={t('organisations.columns.name')} />
          <TextField
            form={form}
            name="code"
            label={t('organisations.columns.code')}
            hint={t('organisation-form.codeHint')}
            width="govuk-input--width-10"
          />
          <TextField
            form={form}
            name="areas"
            label={t('organisations.columns.areas')}
            hint={t('organisation-form.areasHint')}
          />
          <TextField
            form={form}
            name="postcode"
            label={t('organisations.columns.postcode')}
            hint={t('organisation-form.postcodeHint')}
            width="govuk-input--width-10"
          />
          <TextField
            form={form}
            name="custodianCode"
            label={t('organisations.columns.custodianCode')}
            hint={t('organisation-form.custodianHint')}
            width="govuk-input--width-5"
          />
          <h2 className="govuk-heading-m">{t('organisation-form.settings')}</h2>
          <p className="govuk-body">{t('organisation-form.targetsIntro', { defaults: defaultTargets })}</p>
          <TextField
            form={form}
            name="acknowledgeDays"
            label={t('organisation-form.acknowledgeDays')}
            width="govuk-input--width-3"
          />
          <TextField
            form={form}
            name="actionDays"
            label={t('organisation-form.actionDays')}
            width="govuk-input--width-3"
          />
          <SelectField
            form={form}
            name="verificationMinimum"
            label={t('organisations.columns.verificationMinimum')}
            hint={t('organisation-form.minimumHint', { defaults: defaultMinimums })}
            options={[
              ['', t('organisation-form.useDefault')],
              ...verificationLevels.map((level) => [level, t(`checking.levels.${level}`)] as const),
            ]}
          />
          <OrganisationChannelFields form={form} changing={organisationId !== null} />
          <SubmitButton>{t(organisationId ? 'organisation-form.save' : 'organisation-form.submit')}</SubmitButton>
        </PostForm>
        <p className="govuk-body">
          <a
            className="govuk-link"
            href={organisationId ? `/staff/organisations/${organisationId}` : '/staff/organisations'}
          >
            {t('organisations.back')}
          </a>
        </p>
      </div>
    </div>
  );
}
