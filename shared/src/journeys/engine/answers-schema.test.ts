import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { getJourney } from '../catalogue.js';
import { answersSchema } from './answers-schema.js';
import { answerSummary } from './answer-summary.js';
import { reachablePages } from './next-page.js';
import { pageSchema } from './page-schema.js';

const died = getJourney('someone-died');
const today = { today: '2025-06-15' };

describe('answersSchema', () => {
  it('requires reached, visible, required fields, with the field as the path', () => {
    const issues = answersSchema(died, today).safeParse({}).error?.issues ?? [];
    expect(issues[0]).toMatchObject({ path: ['firstName'], message: 'Enter their first name' });
    expect(issues.map((issue) => issue.path.join('.'))).toContain('dateOfDeath');
    expect(issues.map((issue) => issue.path.join('.'))).toContain('lastAddress.postcode');
  });

  it('drops answers on pages not reached and fields hidden by conditions', () => {
    const answers = {
      ...exampleSubmissions['someone-died'].answers,
      services: ['library'],
      othersLiveAtAddress: 'yes',
      relationshipOther: 'Stale answer from a branch left behind',
      notAField: 'junk',
    };
    const parsed = answersSchema(died, today).parse(answers);
    expect(parsed).not.toHaveProperty('othersLiveAtAddress');
    expect(parsed).not.toHaveProperty('relationshipOther');
    expect(parsed).not.toHaveProperty('notAField');
    expect(reachablePages(died, parsed).map((page) => page.id)).not.toContain('their-home');
  });

  it('checks formats and date rules in normalised answers', () => {
    const answers = {
      ...exampleSubmissions['someone-died'].answers,
      dateOfDeath: '2025-06-16',
      nhsNumber: '4857773456',
    };
    const issues = answersSchema(died, today).safeParse(answers).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['dateOfDeath', 'Date of death must be today or in the past'],
      ['nhsNumber', 'Check the NHS number. It has a mistake in it: a number may be wrong or in the wrong place'],
    ]);
  });

  it('accepts what page schemas output, unchanged (normalising is idempotent)', () => {
    const name = pageSchema(died, 'their-name').parse({ firstName: '  Zoë ', middleNames: '', lastName: 'Smith' });
    const address = pageSchema(died, 'last-address').parse({
      lastAddress: { line1: '1 High St', town: 'Leeds', postcode: 'ls14ap' },
    });
    const answers = { ...exampleSubmissions['someone-died'].answers, ...name, ...address };
    delete answers.middleNames;
    expect(answersSchema(died, today).parse(answers)).toEqual(answers);
  });
});

describe('pageSchema', () => {
  it('reveals and requires a field only when its condition holds on the same page', () => {
    const schema = pageSchema(died, 'about-you');
    const other = schema.safeParse({ reporterName: 'Ann Lee', relationship: 'other', reporterRoles: ['neither'] });
    expect(other.error?.issues).toMatchObject([{ path: ['relationshipOther'], message: 'Enter how you knew them' }]);
    const child = schema.parse({
      reporterName: 'Ann Lee',
      relationship: 'child',
      relationshipOther: 'hidden',
      reporterRoles: 'neither',
    });
    expect(child).toEqual({ reporterName: 'Ann Lee', relationship: 'child', reporterRoles: ['neither'] });
  });

  it('rejects an exclusive checkbox chosen with others, and option values that do not exist', () => {
    const schema = pageSchema(died, 'services');
    expect(schema.safeParse({ services: ['none', 'library'] }).error?.issues[0]?.message).toBe(
      "Select the services they had, or select 'None of these'",
    );
    expect(schema.safeParse({ services: ['a-made-up-service'] }).error?.issues[0]?.path).toEqual(['services']);
  });

  it('puts address issues on the part at fault', () => {
    const issues = pageSchema(died, 'last-address').safeParse({
      lastAddress: { line1: '1 High St', town: 'Leeds', postcode: 'not one' },
    }).error?.issues;
    expect(issues).toMatchObject([{ path: ['lastAddress', 'postcode'], message: 'Enter a real postcode' }]);
  });
});

describe('answerSummary', () => {
  it('lists the route with answers the way a resident recognises them', () => {
    const rows = answerSummary(died, exampleSubmissions['someone-died'].answers);
    expect(rows.find((row) => row.fieldName === 'dateOfDeath')?.lines).toEqual(['14 January 2025']);
    expect(rows.find((row) => row.fieldName === 'nhsNumber')?.lines).toEqual(['943 476 5919']);
    expect(rows.find((row) => row.fieldName === 'maritalStatus')?.lines).toEqual([
      'Widowed or a surviving civil partner',
    ]);
    expect(rows.find((row) => row.fieldName === 'lastAddress')?.lines).toEqual([
      '12 Acacia Avenue',
      'Leeds',
      'LS1 4AP',
    ]);
    expect(rows.some((row) => row.fieldName === 'relationshipOther')).toBe(false);
  });
});

describe('control characters', () => {
  it('drops invisible control characters from free text and addresses, which Postgres cannot store', () => {
    const example = exampleSubmissions['moving-home'];
    const answers = { ...example.answers } as Record<string, unknown>;
    const address = answers.newAddress as { line1: string };
    answers.newAddress = { ...address, line1: `${address.line1}\u0000` };
    const parsed = answersSchema(getJourney('moving-home')).parse(answers);
    expect(JSON.stringify(parsed)).not.toContain('\\u0000');
    expect((parsed.newAddress as { line1: string }).line1).toBe(address.line1);
  });
});
