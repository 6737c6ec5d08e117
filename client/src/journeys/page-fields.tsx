import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  evaluateCondition,
  type Answers,
  type FieldDefinition,
  type FieldKind,
  type LifeEventId,
  type PageDefinition,
} from '@tuo/shared';
import { pageText, translateField } from '../i18n/translate-definition.js';
import { useReader } from '../i18n/reader.js';
import { AddressField } from './fields/address-field.js';
import { CheckboxesField } from './fields/checkboxes-field.js';
import { DateField } from './fields/date-field.js';
import type { FieldComponentProps } from './fields/field-frame.js';
import { OrganisationField } from './fields/organisation-field.js';
import { PeopleField } from './fields/people-field.js';
import { RadiosField } from './fields/radios-field.js';
import { TextInputField } from './fields/text-input-field.js';
import { TextareaField } from './fields/textarea-field.js';

/** One component per field kind: a new journey needs no new code while it uses these kinds. */
const components: Readonly<Record<FieldKind, ComponentType<FieldComponentProps>>> = {
  text: TextInputField,
  name: TextInputField,
  'nhs-number': TextInputField,
  'ni-number': TextInputField,
  postcode: TextInputField,
  email: TextInputField,
  phone: TextInputField,
  textarea: TextareaField,
  date: DateField,
  address: AddressField,
  radios: RadiosField,
  'yes-no': RadiosField,
  checkboxes: CheckboxesField,
  organisation: OrganisationField,
  people: PeopleField,
};

/** The option of a field on this page that reveals `field`, when its condition is that simple. */
function revealedBy(field: FieldDefinition, page: PageDefinition): { parent: string; value: string } | undefined {
  const condition = field.showWhen;
  if (!condition || !('field' in condition)) return undefined;
  if (!page.fields.some((candidate) => candidate.name === condition.field)) return undefined;
  return { parent: condition.field, value: 'equals' in condition ? condition.equals : condition.includes };
}

/** True when the page's first field asks the page's question, so its label or legend is the h1 (read from the definition, so a translation cannot change the layout). */
export function firstFieldIsHeading(page: PageDefinition): boolean {
  const [first, ...rest] = page.fields;
  return first?.label === page.title && rest.every((field) => revealedBy(field, page)?.parent === first.name);
}

/**
 * Renders a page's fields from its definition. A field shown when another field on the page has
 * a value sits in that option's conditional reveal; one whose condition reads earlier pages is
 * shown only when it holds for the answers so far.
 */
export function PageFields({
  lifeEvent,
  page,
  answersSoFar,
}: {
  lifeEvent: LifeEventId;
  page: PageDefinition;
  answersSoFar: Answers;
}) {
  const { t } = useTranslation();
  const reader = useReader();
  const heading = firstFieldIsHeading(page);
  const pageHint = pageText(t, lifeEvent, page, reader).hint;
  const render = (definition: FieldDefinition, index: number): ReactNode => {
    const field = translateField(t, lifeEvent, definition, reader);
    const Component = components[field.kind];
    const asHeading = heading && index === 0;
    const hint = asHeading ? [pageHint, field.hint].filter(Boolean).join(' ') || undefined : field.hint;
    const children = page.fields.filter((child) => revealedBy(child, page)?.parent === field.name);
    const conditionals: Record<string, ReactNode[]> = {};
    for (const child of children) {
      const value = revealedBy(child, page)?.value ?? '';
      (conditionals[value] ??= []).push(render(child, -1));
    }
    return <Component key={field.name} field={field} heading={asHeading} hint={hint} conditionals={conditionals} />;
  };
  return (
    <>
      {page.fields.map((field, index) => {
        if (revealedBy(field, page)) return null;
        if (field.showWhen && !evaluateCondition(field.showWhen, answersSoFar)) return null;
        return render(field, index);
      })}
    </>
  );
}
