import { describe, expect, it } from 'vitest';
import type { JourneyDefinition } from './journey-definition-schema.js';
import { JourneyDefinitionError, validateJourneyDefinition } from './validate-journey-definition.js';

function minimalJourney(): JourneyDefinition {
  return {
    id: 'test-journey',
    title: 'Test',
    summary: 'A journey for tests.',
    pages: [
      {
        id: 'tenure',
        path: 'tenure',
        kind: 'form',
        title: 'Do you rent?',
        fields: [{ name: 'rents', kind: 'yes-no', label: 'Do you rent?', errorName: 'If you rent' }],
        next: [{ when: { field: 'rents', equals: 'yes' }, page: 'landlord' }, { page: 'name' }],
      },
      {
        id: 'landlord',
        path: 'landlord',
        kind: 'form',
        title: 'Who is your landlord?',
        fields: [{ name: 'landlord', kind: 'text', label: 'Landlord' }],
        next: [{ page: 'name' }],
      },
      {
        id: 'name',
        path: 'your-name',
        kind: 'form',
        title: 'Your name',
        fields: [{ name: 'fullName', kind: 'name', label: 'Full name' }],
        next: 'check-answers',
      },
    ],
    routing: {
      council: { relevantWhen: 'always', fields: ['rents', 'fullName'], purpose: 'So the council knows.' },
      'housing-provider': {
        relevantWhen: { field: 'rents', equals: 'yes' },
        fields: ['landlord', 'fullName'],
        purpose: 'So your landlord knows.',
      },
    },
  };
}

function pageAt(journey: JourneyDefinition, index: number): JourneyDefinition['pages'][number] {
  const page = journey.pages[index];
  if (!page) throw new Error(`No page ${String(index)}`);
  return page;
}

function fieldAt(
  journey: JourneyDefinition,
  pageIndex: number,
  index = 0,
): JourneyDefinition['pages'][number]['fields'][number] {
  const field = pageAt(journey, pageIndex).fields[index];
  if (!field) throw new Error(`No field ${String(index)}`);
  return field;
}

function rule(
  journey: JourneyDefinition,
  agency: 'council' | 'housing-provider',
): NonNullable<JourneyDefinition['routing']['council']> {
  const found = journey.routing[agency];
  if (!found) throw new Error(`No rule for ${agency}`);
  return found;
}

function problemsOf(definition: unknown): readonly string[] {
  try {
    validateJourneyDefinition(definition);
  } catch (error) {
    if (error instanceof JourneyDefinitionError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateJourneyDefinition', () => {
  it('accepts a well-formed journey', () => {
    expect(problemsOf(minimalJourney())).toEqual([]);
  });

  it.each<[string, (journey: JourneyDefinition) => void, string]>([
    [
      'a next step to an unknown page',
      (j) => {
        pageAt(j, 0).next = [{ page: 'nowhere' }, { page: 'landlord' }];
      },
      'next points to unknown page "nowhere"',
    ],
    [
      'a condition on an unknown field',
      (j) => {
        pageAt(j, 0).next = [{ when: { field: 'tenure', equals: 'yes' }, page: 'landlord' }, { page: 'name' }];
      },
      'condition on unknown field "tenure"',
    ],
    [
      'a condition on an option the field does not have',
      (j) => {
        rule(j, 'housing-provider').relevantWhen = { field: 'rents', equals: 'maybe' };
      },
      'condition on field "rents" uses option "maybe", which it does not have',
    ],
    [
      'includes on a field that is not checkboxes',
      (j) => {
        rule(j, 'housing-provider').relevantWhen = { field: 'rents', includes: 'yes' };
      },
      '"includes" needs a checkboxes field, and "rents" is yes-no',
    ],
    [
      'a routed field that does not exist',
      (j) => {
        rule(j, 'council').fields.push('dateOfBirth');
      },
      'routed field "dateOfBirth" does not exist',
    ],
    [
      'a split rule whose part is told by a field that is not an address',
      (j) => {
        rule(j, 'council').split = {
          leaving: { address: 'rents', fields: ['rents'], purpose: 'To close it' },
          joining: { address: 'rents', fields: ['nowhere'], purpose: 'To open it' },
        };
      },
      'routing for "council" (leaving): "rents" is not an address field',
    ],
    [
      'a split rule routing a field that does not exist',
      (j) => {
        rule(j, 'council').split = {
          leaving: { address: 'rents', fields: ['rents'], purpose: 'To close it' },
          joining: { address: 'rents', fields: ['nowhere'], purpose: 'To open it' },
        };
      },
      'routing for "council" (joining): routed field "nowhere" does not exist',
    ],
    [
      'a duplicate field name',
      (j) => {
        pageAt(j, 2).fields.push({ name: 'rents', kind: 'text', label: 'Rent' });
      },
      'field name "rents" is used twice',
    ],
    [
      'a duplicate page id',
      (j) => {
        pageAt(j, 2).id = 'landlord';
      },
      'page id "landlord" is used twice',
    ],
    [
      'a duplicate page path',
      (j) => {
        pageAt(j, 2).path = 'tenure';
      },
      'page path "tenure" is used twice',
    ],
    [
      'an unreachable page',
      (j) => {
        pageAt(j, 0).next = [{ page: 'name' }];
      },
      'page "landlord" cannot be reached from the first page',
    ],
    [
      'a next step back to an earlier page',
      (j) => {
        pageAt(j, 2).next = [{ page: 'tenure' }];
      },
      'next points back to page "tenure"',
    ],
    [
      'a last next step with a condition',
      (j) => {
        pageAt(j, 1).next = [{ when: { field: 'rents', equals: 'yes' }, page: 'name' }];
      },
      'the last next step must have no condition',
    ],
    [
      'a showWhen on a field asked later',
      (j) => {
        fieldAt(j, 0).showWhen = { field: 'fullName', equals: 'x' };
      },
      'condition on field "fullName", which is not asked before this point',
    ],
    [
      'a field no agency receives',
      (j) => {
        rule(j, 'housing-provider').fields = ['fullName'];
      },
      'field "landlord" is asked but no agency receives it',
    ],
    [
      'radios without options',
      (j) => {
        fieldAt(j, 1).kind = 'radios';
      },
      'radios fields need options',
    ],
    [
      'a date without a date rule',
      (j) => {
        fieldAt(j, 1).kind = 'date';
      },
      'date fields need a dateRule',
    ],
    [
      'a person on a field that is not a name',
      (j) => {
        fieldAt(j, 1).person = 'The landlord';
      },
      'only name and people fields name a person',
    ],
    [
      'a question label with no error name',
      (j) => {
        fieldAt(j, 1).label = 'Who is it?';
      },
      'the label is a question, so give an errorName',
    ],
    [
      'the reserved check-answers path',
      (j) => {
        pageAt(j, 2).path = 'check-answers';
      },
      'the path "check-answers" is reserved',
    ],
    [
      'a required evidence question',
      (j) => {
        fieldAt(j, 1).evidence = 'registrar-reference';
      },
      'field "landlord": an evidence question must be optional',
    ],
    [
      'evidence on a kind of field that cannot carry it',
      (j) => {
        Object.assign(fieldAt(j, 2), { kind: 'checkboxes', optional: true, evidence: 'tenancy-date' });
      },
      'only text, date and yes-no fields carry evidence, not checkboxes',
    ],
    [
      'an evidence option on a required choice',
      (j) => {
        Object.assign(fieldAt(j, 1), {
          kind: 'radios',
          options: [
            { value: 'registered', label: 'Registered', evidence: 'death-registration' },
            { value: 'not-yet', label: 'Not yet' },
          ],
        });
      },
      'field "landlord": an evidence question must be optional',
    ],
  ])('rejects %s, naming it', (_name, breakIt, expected) => {
    const journey = minimalJourney();
    breakIt(journey);
    expect(problemsOf(journey).join('\n')).toContain(expected);
  });

  it('accepts evidence asked optionally, or only once the resident says they have it, and refuses an unknown kind', () => {
    const journey = minimalJourney();
    Object.assign(fieldAt(journey, 1), { optional: true, evidence: 'tenancy-date', kind: 'date', dateRule: 'past' });
    pageAt(journey, 2).fields.push({
      name: 'reference',
      kind: 'text',
      label: 'Reference',
      showWhen: { field: 'rents', equals: 'yes' },
      evidence: 'registrar-reference',
    });
    rule(journey, 'council').fields.push('reference');
    expect(problemsOf(journey)).toEqual([]);
    Object.assign(fieldAt(journey, 1), { evidence: 'a-letter' });
    expect(problemsOf(journey).join('\n')).toContain('pages.1.fields.0.evidence');
  });

  it('rejects structural mistakes such as an unknown field kind or a misspelt property, with the path', () => {
    const journey = minimalJourney();
    pageAt(journey, 1).fields[0] = {
      name: 'landlord',
      kind: 'number',
      label: 'Landlord',
      optinal: true,
    } as unknown as ReturnType<typeof fieldAt>;
    const problems = problemsOf(journey).join('\n');
    expect(problems).toContain('pages.1.fields.0.kind');
    expect(problems).toContain('optinal');
  });

  it('rejects a page of a kind that has no entry in the page-kind registry, with the path', () => {
    const journey = minimalJourney();
    (pageAt(journey, 2) as { kind: string }).kind = 'wizard';
    expect(problemsOf(journey).join('\n')).toMatch(/pages\.2\.kind.*form/s);
  });

  it('lists every problem at once, in one error naming the journey', () => {
    const journey = minimalJourney();
    pageAt(journey, 0).next = [{ page: 'nowhere' }];
    rule(journey, 'council').fields.push('ghost');
    expect(() => validateJourneyDefinition(journey)).toThrow(
      /Journey "test-journey" is not valid:\n- .*nowhere[\s\S]*ghost/,
    );
  });
});
