import type { AgencyDescription, AgencyKind, JourneyDefinition, LifeEventId } from '@tuo/shared';

/** A nested object of strings: the shape of one i18next namespace. */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}

function withText(tree: ResourceTree, key: string, text: string | undefined): void {
  if (text !== undefined) tree[key] = text;
}

// "What your local council will be sent": English names start with a capital "Your" or "Their".
const inSentence = (name: string): string => name.replace(/^(Your|Their) /, (word) => word.toLowerCase());

function journeyTree(journey: JourneyDefinition): ResourceTree {
  const pages: ResourceTree = {};
  const fields: ResourceTree = {};
  for (const page of journey.pages) {
    const pageTree: ResourceTree = { title: page.title };
    withText(pageTree, 'hint', page.hint);
    withText(pageTree, 'section', page.section);
    pages[page.id] = pageTree;
    for (const field of page.fields) {
      const fieldTree: ResourceTree = { label: field.label, errorName: field.errorName ?? field.label };
      withText(fieldTree, 'hint', field.hint);
      if (field.options) {
        const options: ResourceTree = {};
        for (const option of field.options) {
          const optionTree: ResourceTree = { label: option.label };
          withText(optionTree, 'hint', option.hint);
          options[option.value] = optionTree;
        }
        fieldTree.options = options;
      }
      fields[field.name] = fieldTree;
    }
  }
  const routing: ResourceTree = {};
  for (const [agency, rule] of Object.entries(journey.routing)) {
    const tree: ResourceTree = rule.agencyName
      ? { purpose: rule.purpose, agencyName: rule.agencyName, agencyNameInSentence: inSentence(rule.agencyName) }
      : { purpose: rule.purpose };
    if (rule.split)
      tree.split = {
        leaving: { purpose: rule.split.leaving.purpose },
        joining: { purpose: rule.split.joining.purpose },
      };
    routing[agency] = tree;
  }
  return { title: journey.title, summary: journey.summary, pages, fields, routing };
}

/**
 * The `catalogue` namespace in English, read from the definitions in `shared/`, which stay the
 * one place journeys are written. Keys come from stable ids (life event, page id, field name,
 * option value, agency id), so another language is a JSON file of the same shape and no code:
 * `journeys.someone-died.fields.dateOfDeath.label`, `agencies.gp-practice.name`.
 */
export function catalogueResources(
  catalogue: Readonly<Record<LifeEventId, JourneyDefinition>>,
  agencies: Readonly<Record<AgencyKind, AgencyDescription>>,
): ResourceTree {
  const journeys: ResourceTree = {};
  for (const [id, journey] of Object.entries(catalogue)) journeys[id] = journeyTree(journey);
  const agencyTree: ResourceTree = {};
  for (const [id, agency] of Object.entries(agencies)) {
    agencyTree[id] = { name: agency.name, nameInSentence: inSentence(agency.name), description: agency.description };
  }
  return { journeys, agencies: agencyTree };
}
