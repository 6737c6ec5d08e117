import type { TFunction } from 'i18next';
import type { FieldDefinition, LifeEventId, PageDefinition } from '@tuo/shared';
import { catalogueKey } from './catalogue-keys.js';
import type { Reader } from './reader.js';

/**
 * A field definition with its words in the reader's language, so field components render
 * `field.label` and `option.label` without knowing about translation. Names, values and rules
 * are untouched: only what the resident reads changes. An adviser reads the catalogue's adviser
 * wording (in English) where it has one.
 */
export function translateField(
  t: TFunction,
  lifeEvent: LifeEventId,
  field: FieldDefinition,
  reader: Reader = 'resident',
): FieldDefinition {
  const { name } = field;
  const adviser = reader === 'adviser' ? field.wording?.adviser : undefined;
  const hint = field.hint === undefined ? undefined : t(catalogueKey.field(lifeEvent, name, 'hint'));
  return {
    ...field,
    label: adviser?.label ?? t(catalogueKey.field(lifeEvent, name, 'label')),
    hint: adviser?.hint ?? hint,
    options: field.options?.map((option) => ({
      ...option,
      label:
        (reader === 'adviser' ? option.wording?.adviser.label : undefined) ??
        t(catalogueKey.option(lifeEvent, name, option.value, 'label')),
      hint:
        (reader === 'adviser' ? option.wording?.adviser.hint : undefined) ??
        (option.hint === undefined ? undefined : t(catalogueKey.option(lifeEvent, name, option.value, 'hint'))),
    })),
  };
}

/** A field's label as the reader reads it (on "Check your answers", say). */
export function fieldLabel(t: TFunction, lifeEvent: LifeEventId, field: FieldDefinition, reader: Reader): string {
  return (
    (reader === 'adviser' ? field.wording?.adviser?.label : undefined) ??
    t(catalogueKey.field(lifeEvent, field.name, 'label'))
  );
}

/** A section heading as the reader reads it. */
export function sectionText(t: TFunction, lifeEvent: LifeEventId, page: PageDefinition, reader: Reader): string {
  return (
    (reader === 'adviser' ? page.wording?.adviser?.section : undefined) ??
    t(catalogueKey.page(lifeEvent, page.id, 'section'))
  );
}

/** A page's title and hint in the reader's language, or as an adviser reads them. */
export function pageText(
  t: TFunction,
  lifeEvent: LifeEventId,
  page: PageDefinition,
  reader: Reader = 'resident',
): { title: string; hint: string | undefined } {
  const adviser = reader === 'adviser' ? page.wording?.adviser : undefined;
  const hint = page.hint === undefined ? undefined : t(catalogueKey.page(lifeEvent, page.id, 'hint'));
  return {
    title: adviser?.title ?? t(catalogueKey.page(lifeEvent, page.id, 'title')),
    hint: adviser?.hint ?? hint,
  };
}
