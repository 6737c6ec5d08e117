import type { AgencyKind, DeliveryRole, LifeEventId } from '@tuo/shared';

type FieldText = 'label' | 'hint' | 'errorName';

/**
 * Keys of the `catalogue` namespace, built from the catalogue's stable ids. Field names are
 * unique in a journey, so a field's key does not need its page.
 */
export const catalogueKey = {
  journey: (lifeEvent: LifeEventId, text: 'title' | 'summary') => `catalogue:journeys.${lifeEvent}.${text}`,
  page: (lifeEvent: LifeEventId, pageId: string, text: 'title' | 'hint' | 'section') =>
    `catalogue:journeys.${lifeEvent}.pages.${pageId}.${text}`,
  field: (lifeEvent: LifeEventId, name: string, text: FieldText) =>
    `catalogue:journeys.${lifeEvent}.fields.${name}.${text}`,
  option: (lifeEvent: LifeEventId, name: string, value: string, text: 'label' | 'hint') =>
    `catalogue:journeys.${lifeEvent}.fields.${name}.options.${value}.${text}`,
  purpose: (lifeEvent: LifeEventId, agency: AgencyKind) => `catalogue:journeys.${lifeEvent}.routing.${agency}.purpose`,
  /** The purpose of one part of a split rule (the old council's, the new council's). */
  partPurpose: (lifeEvent: LifeEventId, agency: AgencyKind, role: DeliveryRole) =>
    `catalogue:journeys.${lifeEvent}.routing.${agency}.split.${role}.purpose`,
  agency: (agency: AgencyKind, text: 'name' | 'nameInSentence' | 'description') =>
    `catalogue:agencies.${agency}.${text}`,
  /** An agency's name as one journey words it ("Their GP and the NHS"), falling back to its general name: pass to `t` as is. */
  agencyIn: (lifeEvent: LifeEventId, agency: AgencyKind, text: 'name' | 'nameInSentence') => [
    `catalogue:journeys.${lifeEvent}.routing.${agency}.${text === 'name' ? 'agencyName' : 'agencyNameInSentence'}`,
    `catalogue:agencies.${agency}.${text}`,
  ],
};
