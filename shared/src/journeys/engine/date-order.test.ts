import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { pageContext } from '../../pages/page-context.js';
import { catalogue } from '../catalogue.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import { validateJourneyDefinition } from '../definition/validate-journey-definition.js';
import { answersSchema } from './answers-schema.js';
import { pageSchema } from './page-schema.js';

const died = catalogue['someone-died'];
const today = '2026-06-15';
const message = 'Date of death must be the same as or after their date of birth';
const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('a date that may not come before another (date of death and date of birth)', () => {
  const born = { dateOfBirth: '1948-03-27' };

  it('refuses a death before the birth on the date of death page, with the message on that field', () => {
    const schema = pageSchema(died, 'date-of-death', born, { today });
    expect(issues(schema.safeParse({ dateOfDeath: { day: '1', month: '1', year: '1940' } }))).toEqual([
      ['dateOfDeath', message],
    ]);
  });

  it('accepts a death on or after the birth, and says nothing of the order while the date itself is wrong or missing', () => {
    const schema = pageSchema(died, 'date-of-death', born, { today });
    expect(schema.safeParse({ dateOfDeath: { day: '27', month: '3', year: '1948' } }).success).toBe(true);
    expect(schema.safeParse({ dateOfDeath: { day: '14', month: '1', year: '2025' } }).success).toBe(true);
    expect(
      issues(schema.safeParse({ dateOfDeath: { day: '31', month: '2', year: '1940' } })).map(([, text]) => text),
    ).not.toContain(message);
  });

  it('gives the browser the birth date it needs to apply the same rule', () => {
    expect(pageContext(died, 'date-of-death', { ...born, firstName: 'Margaret' })).toEqual(born);
  });

  it('refuses the same answers sent to the API', () => {
    const answers = {
      ...exampleSubmissions['someone-died'].answers,
      dateOfBirth: '1990-01-01',
      dateOfDeath: '1980-01-01',
    };
    expect(issues(answersSchema(died, { today }).safeParse(answers))).toEqual([['dateOfDeath', message]]);
  });

  it('is checked by the meta-schema: a date field asked earlier, named by a date field', () => {
    const base = catalogue['someone-died'];
    const broken = (notBefore: { field: string; message: string }): JourneyDefinition => ({
      ...base,
      pages: base.pages.map((page) => ({
        ...page,
        fields: page.fields.map((field) => (field.name === 'dateOfBirth' ? { ...field, notBefore } : field)),
      })),
    });
    expect(() => validateJourneyDefinition(broken({ field: 'dateOfDeath', message: 'x' }))).toThrow(
      /notBefore names "dateOfDeath", which is not asked before this field/,
    );
    expect(() => validateJourneyDefinition(broken({ field: 'firstName', message: 'x' }))).toThrow(
      /notBefore needs a date field, and "firstName" is name/,
    );
    expect(() => validateJourneyDefinition(broken({ field: 'nope', message: 'x' }))).toThrow(
      /notBefore names unknown field "nope"/,
    );
  });
});
