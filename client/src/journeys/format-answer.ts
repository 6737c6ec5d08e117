import type { TFunction } from 'i18next';
import {
  dontKnowOrganisation,
  formatAnswerIn,
  type AnswerValue,
  type FieldDefinition,
  type LifeEventId,
} from '@tuo/shared';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { longDate } from '../i18n/long-date.js';

/**
 * An answer as lines of text in the reader's language: option labels, a date in the language's
 * own form ("1 March 2024"), an address one part a line. Numbers keep their usual spacing.
 */
export function formatAnswer(
  t: TFunction,
  lifeEvent: LifeEventId,
  field: FieldDefinition,
  value: AnswerValue | null,
): string[] {
  if (value === null) return [];
  if (field.kind === 'organisation' && value === dontKnowOrganisation) return [t('organisationSearch.dontKnow')];
  return formatAnswerIn(
    {
      option: (definition, chosen) =>
        definition.options?.some((candidate) => candidate.value === chosen)
          ? t(catalogueKey.option(lifeEvent, definition.name, chosen, 'label'))
          : chosen,
      date: (isoDate) => longDate(t, isoDate),
      yesNo: (answer) => t(answer === 'yes' ? 'fields.yes' : 'fields.no'),
      person: (fullName, dateOfBirth) => t('addAnother.summary', { fullName, dateOfBirth }),
    },
    field,
    value,
  );
}
