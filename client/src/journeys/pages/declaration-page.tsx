import { agencies } from '@tuo/shared';
import type { DeclarationProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';

/** The declaration and consent, then send: the one step that cannot be undone. */
export function DeclarationPage({ agencies: told, form }: DeclarationProps) {
  const error = errorAt(form.errors, 'declaration');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">Declaration</h1>
        <p className="govuk-body">When you send this, we will tell:</p>
        <ul className="govuk-list govuk-list--bullet">
          {told.map((agency) => (
            <li key={agency}>{agencies[agency].name}</li>
          ))}
        </ul>
        <p className="govuk-body">Each of them will only be sent the information you saw on the previous page, and will use it only for the reason given there.</p>
        <PostForm form={form}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={error ? 'declaration-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Confirm and send</legend>
              <ErrorMessage id="declaration-error" error={error} />
              <div className="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id="declaration" name="declaration" type="checkbox" value="confirmed" />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="declaration">
                    I confirm that the information I have given is correct to the best of my knowledge, and I agree to it being shared with the services listed above.
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <SubmitButton preventDoubleClick>Accept and send</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
