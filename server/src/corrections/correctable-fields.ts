import { getJourney, type Answers, type LifeEventId } from '@tuo/shared';
import type { FieldKind } from '@tuo/shared/journeys/definition/field-definition-schema';
import type { CorrectableField } from '@tuo/shared/pages/staff-page-model';

/** Kinds whose answer is one typed line, which a supervisor can retype; choices and addresses are not corrected here. */
const typed: readonly FieldKind[] = [
  'text',
  'textarea',
  'name',
  'date',
  'nhs-number',
  'ni-number',
  'postcode',
  'email',
  'phone',
];

/** A report's answered fields a supervisor can correct on the console's form, in the journey's order. */
export function correctableFields(lifeEvent: LifeEventId, answers: Answers): CorrectableField[] {
  return getJourney(lifeEvent)
    .pages.flatMap((page) => page.fields)
    .flatMap((field) => {
      const value = answers[field.name];
      return typed.includes(field.kind) && typeof value === 'string'
        ? [{ name: field.name, label: field.label, kind: field.kind, value }]
        : [];
    });
}
