import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { maxPeople, type FieldDefinition } from '@tuo/shared';
import {
  addPersonAction,
  personInputName,
  removePersonAction,
  type PersonRowValue,
} from '@tuo/shared/pages/form-values';
import { ErrorMessage } from '../../components/error-message.js';
import { errorAt, inputId } from '../../components/field-ids.js';
import { JourneyFormContext, useJourneyForm } from '../journey-form.js';
import { DateField } from './date-field.js';
import type { FieldComponentProps } from './field-frame.js';
import { TextInputField } from './text-input-field.js';

/** One person: their full name and date of birth, under "Person 2", with its own Remove button if there are others. */
function PersonRow(props: { listName: string; index: number; row: PersonRowValue; removable: boolean }) {
  const { listName, index, row, removable } = props;
  const { t } = useTranslation();
  const form = useJourneyForm();
  const number = index + 1;
  const name: FieldDefinition = {
    name: personInputName(listName, index, 'fullName'),
    kind: 'name',
    label: t('addAnother.fullName'),
  };
  const dateOfBirth: FieldDefinition = {
    name: personInputName(listName, index, 'dateOfBirth'),
    kind: 'date',
    label: t('addAnother.dateOfBirth'),
    dateRule: 'past',
  };
  // Each row's boxes start from its own values.
  const rowForm = { ...form, defaults: { [name.name]: row.fullName, [dateOfBirth.name]: row.dateOfBirth } };
  return (
    <fieldset className="govuk-fieldset tuo-add-another__item" id={inputId(listName, String(index))}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        <h2 className="govuk-fieldset__heading">{t('addAnother.person', { number })}</h2>
      </legend>
      <JourneyFormContext.Provider value={rowForm}>
        <TextInputField field={name} heading={false} hint={undefined} />
        <DateField field={dateOfBirth} heading={false} hint={t('addAnother.dateOfBirthHint')} />
      </JourneyFormContext.Provider>
      {removable ? (
        <button
          type="submit"
          name="_action"
          value={removePersonAction(index)}
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
        >
          {t('addAnother.remove')}
          <span className="govuk-visually-hidden"> {t('addAnother.person', { number })}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * A people field (GOV.UK "Add multiple things"): one row per person, each with a Remove button,
 * and "Add another person". The buttons post the page without JavaScript; with it, the page
 * script adds and removes rows in place in this markup (`checks/people-rows.ts`, which must make
 * the same markup: `test/e2e/add-another.test.ts`), focus to the new row's first box.
 */
export function PeopleField({ field }: FieldComponentProps) {
  const { t } = useTranslation();
  const form = useJourneyForm();
  // The page's form values, seen as what this field holds: a list of people under its name.
  const control = form.control as unknown as Control<Record<string, PersonRowValue[]>>;
  const { fields: rows } = useFieldArray({ control, name: field.name });
  return (
    <div className="tuo-add-another" id={inputId(field.name)}>
      <ErrorMessage id={`${inputId(field.name)}-error`} error={errorAt(form.errors, field.name)} />
      {rows.map((row, index) => (
        <PersonRow key={row.id} listName={field.name} index={index} row={row} removable={rows.length > 1} />
      ))}
      {rows.length < maxPeople ? (
        <button
          type="submit"
          name="_action"
          value={addPersonAction}
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
        >
          {t('addAnother.add')}
        </button>
      ) : (
        <p className="govuk-body">{t('addAnother.full', { number: maxPeople })}</p>
      )}
    </div>
  );
}
