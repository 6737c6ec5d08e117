import type { Condition } from './condition-schema.js';
import { conditionComparisons } from './condition-schema.js';
import type { FieldDefinition, OptionDefinition } from './field-definition-schema.js';
import type { PageDefinition } from './page-definition-schema.js';
import { checkAnswersPage } from './page-definition-schema.js';
import type { RoutingRule } from './routing-rule-schema.js';

/** A mistake in a journey definition that its shape alone does not reveal. */
export interface JourneyProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

interface JourneyShape {
  readonly pages: readonly PageDefinition[];
  readonly routing: Readonly<Partial<Record<string, RoutingRule>>>;
}

interface FieldPlace {
  readonly field: FieldDefinition;
  readonly pageIndex: number;
  readonly fieldIndex: number;
}

const yesNoOptions: readonly Pick<OptionDefinition, 'value'>[] = [{ value: 'yes' }, { value: 'no' }];

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

function fieldProblems(field: FieldDefinition, path: readonly (string | number)[]): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const at = (message: string): void => {
    problems.push({ path, message: `field "${field.name}": ${message}` });
  };
  const isChoice = field.kind === 'radios' || field.kind === 'checkboxes';
  if (isChoice && !field.options) at(`${field.kind} fields need options`);
  if (!isChoice && field.options) at(`only radios and checkboxes fields have options, not ${field.kind}`);
  for (const value of duplicates((field.options ?? []).map((option) => option.value)))
    at(`option value "${value}" is used twice`);
  const exclusive = (field.options ?? []).filter((option) => option.exclusive);
  if (exclusive.length > 0 && field.kind !== 'checkboxes') at('only checkboxes can have an exclusive option');
  if (exclusive.length > 1) at('only one option can be exclusive');
  if (field.kind === 'date' && !field.dateRule) at('date fields need a dateRule');
  if (field.kind !== 'date' && field.dateRule) at('only date fields have a dateRule');
  if (field.kind === 'organisation' && !field.organisationKind) at('organisation fields need an organisationKind');
  if (field.kind !== 'organisation' && field.organisationKind) at('only organisation fields have an organisationKind');
  if (field.kind !== 'name' && field.kind !== 'people' && field.person !== undefined)
    at('only name and people fields name a person');
  if (field.kind === 'people' && field.showWhen) at('a people field is never hidden: route to its page instead');
  // Evidence is never forced on a resident: asked optionally, or only once they say they have it.
  const evidence = field.evidence !== undefined || (field.options ?? []).some((option) => option.evidence);
  if (field.evidence && !['text', 'date', 'yes-no'].includes(field.kind))
    at(`only text, date and yes-no fields carry evidence, not ${field.kind} (give it to an option instead)`);
  if (evidence && !field.optional && !field.showWhen)
    at('an evidence question must be optional, or only asked (showWhen) once the resident says they have it');
  if (field.label.endsWith('?') && !field.errorName)
    at('the label is a question, so give an errorName for error messages');
  return problems;
}

function conditionProblems(
  condition: Condition,
  path: readonly (string | number)[],
  fields: ReadonlyMap<string, FieldPlace>,
  askedBefore: (place: FieldPlace) => boolean,
): JourneyProblem[] {
  return conditionComparisons(condition).flatMap(({ field: name, equals, includes }): JourneyProblem[] => {
    const place = fields.get(name);
    if (!place) return [{ path, message: `condition on unknown field "${name}"` }];
    if (!askedBefore(place))
      return [{ path, message: `condition on field "${name}", which is not asked before this point` }];
    const { field } = place;
    const options = field.kind === 'yes-no' ? yesNoOptions : (field.options ?? []);
    if (equals !== undefined && field.kind !== 'radios' && field.kind !== 'yes-no') {
      return [{ path, message: `"equals" needs a radios or yes-no field, and "${name}" is ${field.kind}` }];
    }
    if (includes !== undefined && field.kind !== 'checkboxes') {
      return [{ path, message: `"includes" needs a checkboxes field, and "${name}" is ${field.kind}` }];
    }
    const value = equals ?? includes ?? '';
    if (!options.some((option) => option.value === value))
      return [{ path, message: `condition on field "${name}" uses option "${value}", which it does not have` }];
    return [];
  });
}

function unreachablePages(pages: readonly PageDefinition[]): string[] {
  const reached = new Set<string>();
  const queue = pages.slice(0, 1).map((page) => page.id);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reached.has(id)) continue;
    reached.add(id);
    const page = pages.find((candidate) => candidate.id === id);
    if (page && page.next !== checkAnswersPage) queue.push(...page.next.map((step) => step.page));
  }
  return pages.filter((page) => !reached.has(page.id)).map((page) => page.id);
}

/**
 * Every cross-reference mistake in a journey: duplicate page ids, paths or field names, next steps
 * to unknown or earlier pages, conditions on unknown or later fields or missing options, routed
 * fields that do not exist, fields no agency receives, and unreachable pages.
 */
export function journeyProblems(journey: JourneyShape): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const { pages } = journey;
  const pageIndex = new Map(pages.map((page, index) => [page.id, index]));
  const fields = new Map<string, FieldPlace>();
  pages.forEach((page, p) => {
    page.fields.forEach((field, f) => fields.set(field.name, { field, pageIndex: p, fieldIndex: f }));
  });

  for (const id of duplicates(pages.map((page) => page.id)))
    problems.push({ path: ['pages'], message: `page id "${id}" is used twice` });
  for (const path of duplicates(pages.map((page) => page.path)))
    problems.push({ path: ['pages'], message: `page path "${path}" is used twice` });
  const names = pages.flatMap((page) => page.fields.map((field) => field.name));
  for (const name of duplicates(names))
    problems.push({ path: ['pages'], message: `field name "${name}" is used twice` });

  pages.forEach((page, p) => {
    const pagePath = ['pages', p];
    if (page.path === checkAnswersPage)
      problems.push({
        path: [...pagePath, 'path'],
        message: `page "${page.id}": the path "${checkAnswersPage}" is reserved`,
      });
    page.fields.forEach((field, f) => {
      const fieldPath = [...pagePath, 'fields', f];
      problems.push(...fieldProblems(field, fieldPath));
      // A list of people is asked row by row, which only the add-another page kind does.
      if ((field.kind === 'people') !== (page.kind === 'add-another'))
        problems.push({
          path: fieldPath,
          message: `field "${field.name}": ${field.kind === 'people' ? 'people fields go on add-another pages' : `an add-another page asks one people field, not ${field.kind}`}`,
        });
      if (field.notBefore) {
        const other = fields.get(field.notBefore.field);
        const at = (message: string): void => {
          problems.push({ path: [...fieldPath, 'notBefore'], message: `field "${field.name}": ${message}` });
        };
        if (field.kind !== 'date') at('only date fields have notBefore');
        if (!other) at(`notBefore names unknown field "${field.notBefore.field}"`);
        else if (other.field.kind !== 'date')
          at(`notBefore needs a date field, and "${field.notBefore.field}" is ${other.field.kind}`);
        else if (!(other.pageIndex < p || (other.pageIndex === p && other.fieldIndex < f)))
          at(`notBefore names "${field.notBefore.field}", which is not asked before this field`);
      }
      if (field.showWhen) {
        const before = (place: FieldPlace): boolean =>
          place.pageIndex < p || (place.pageIndex === p && place.fieldIndex < f);
        problems.push(
          ...conditionProblems(field.showWhen, [...fieldPath, 'showWhen'], fields, before).map((problem) => ({
            ...problem,
            message: `field "${field.name}": ${problem.message}`,
          })),
        );
      }
    });
    if (page.next === checkAnswersPage) return;
    page.next.forEach((step, s) => {
      const stepPath = [...pagePath, 'next', s];
      const target = pageIndex.get(step.page);
      if (step.page !== checkAnswersPage && target === undefined)
        problems.push({ path: stepPath, message: `page "${page.id}": next points to unknown page "${step.page}"` });
      else if (target !== undefined && target <= p)
        problems.push({
          path: stepPath,
          message: `page "${page.id}": next points back to page "${step.page}"; next pages must come later, so a journey cannot loop`,
        });
      if (step.when)
        problems.push(
          ...conditionProblems(step.when, [...stepPath, 'when'], fields, (place) => place.pageIndex <= p).map(
            (problem) => ({ ...problem, message: `page "${page.id}": ${problem.message}` }),
          ),
        );
    });
    if (page.next.at(-1)?.when)
      problems.push({
        path: [...pagePath, 'next'],
        message: `page "${page.id}": the last next step must have no condition, so there is always somewhere to go`,
      });
  });

  for (const id of unreachablePages(pages))
    problems.push({ path: ['pages'], message: `page "${id}" cannot be reached from the first page` });

  const routed = new Set<string>();
  for (const [agency, rule] of Object.entries(journey.routing)) {
    if (!rule) continue;
    const rulePath = ['routing', agency];
    for (const name of rule.fields) {
      routed.add(name);
      if (!fields.has(name))
        problems.push({
          path: [...rulePath, 'fields'],
          message: `routing for "${agency}": routed field "${name}" does not exist`,
        });
    }
    for (const name of duplicates(rule.fields))
      problems.push({
        path: [...rulePath, 'fields'],
        message: `routing for "${agency}": field "${name}" is listed twice`,
      });
    for (const [role, part] of Object.entries(rule.split ?? {})) {
      const partPath = [...rulePath, 'split', role];
      for (const name of part.fields) {
        routed.add(name);
        if (!fields.has(name))
          problems.push({
            path: [...partPath, 'fields'],
            message: `routing for "${agency}" (${role}): routed field "${name}" does not exist`,
          });
      }
      if (fields.get(part.address)?.field.kind !== 'address')
        problems.push({
          path: [...partPath, 'address'],
          message: `routing for "${agency}" (${role}): "${part.address}" is not an address field`,
        });
    }
    if (rule.relevantWhen !== 'always') {
      problems.push(
        ...conditionProblems(rule.relevantWhen, [...rulePath, 'relevantWhen'], fields, () => true).map((problem) => ({
          ...problem,
          message: `routing for "${agency}": ${problem.message}`,
        })),
      );
    }
  }
  // An organisation field picks who is told, so it is used without being sent; its kind must be told.
  for (const { field } of fields.values())
    if (field.kind === 'organisation' && field.organisationKind) {
      if (!journey.routing[field.organisationKind])
        problems.push({
          path: ['routing'],
          message: `field "${field.name}" chooses a ${field.organisationKind}, which this journey never tells`,
        });
      routed.add(field.name);
    }
  // Data minimisation: a question no agency receives should not be asked at all.
  for (const name of names)
    if (!routed.has(name))
      problems.push({ path: ['routing'], message: `field "${name}" is asked but no agency receives it` });
  return problems;
}
