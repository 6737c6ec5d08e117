import type { TFunction } from 'i18next';
import type { FieldDefinition, LifeEventId, PageDefinition } from '@tuo/shared';
import { catalogueKey } from './catalogue-keys.js';

/**
 * A field definition with its words in the reader's language, so field components render
 * `field.label` and `option.label` without knowing about translation. Names, values and rules
 * are untouched: only what the resident reads changes.
 */
export function translateField(t: TFunction, lifeEvent: LifeEventId, field: FieldDefinition): FieldDefinition {
  const { name } = field;
  return {
    ...field,
    label: t(catalogueKey.field(lifeEvent, name, 'label')),
    hint: field.hint === undefined ? undefined : t(catalogueKey.field(lifeEvent, name, 'hint')),
    options: field.options?.map((option) => ({
      ...option,
      label: t(catalogueKey.option(lifeEvent, name, option.value, 'label')),
      hint: option.hint === undefined ? undefined : t(catalogueKey.option(lifeEvent, name, option.value, 'hint')),
    })),
  };
}

/** A page's title and hint in the reader's language. */
export function pageText(
  t: TFunction,
  lifeEvent: LifeEventId,
  page: PageDefinition,
): { title: string; hint: string | undefined } {
  return {
    title: t(catalogueKey.page(lifeEvent, page.id, 'title')),
    hint: page.hint === undefined ? undefined : t(catalogueKey.page(lifeEvent, page.id, 'hint')),
  };
}
