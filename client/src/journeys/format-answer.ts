import type { TFunction } from 'i18next';
import {
  dontKnowOrganisation,
  formatNhsNumber,
  formatNiNumber,
  formatPhoneNumber,
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
  const option = (chosen: string): string =>
    field.options?.some((candidate) => candidate.value === chosen)
      ? t(catalogueKey.option(lifeEvent, field.name, chosen, 'label'))
      : chosen;
  if (Array.isArray(value)) return value.map(option);
  if (typeof value !== 'string')
    return [value.line1, value.line2, value.town, value.postcode].filter((line) => line !== undefined);
  switch (field.kind) {
    case 'date':
      return [longDate(t, value)];
    case 'radios':
      return [option(value)];
    case 'yes-no':
      return [t(value === 'yes' ? 'fields.yes' : 'fields.no')];
    case 'nhs-number':
      return [formatNhsNumber(value)];
    case 'ni-number':
      return [formatNiNumber(value)];
    case 'phone':
      return [formatPhoneNumber(value)];
    case 'organisation':
      return value === dontKnowOrganisation ? [t('organisationSearch.dontKnow')] : [value];
    default:
      return [value];
  }
}
