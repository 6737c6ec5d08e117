import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../api/example-submissions.js';
import { alsoDoDone } from './also-do.js';

describe('what else to do, after a report', () => {
  const answers = exampleSubmissions['someone-died'].answers;

  it('leaves out registering a death the reporter said is registered, with or without a Tell Us Once reference', () => {
    expect(alsoDoDone('someone-died', { ...answers, deathRegistered: 'yes' })).toEqual(['register']);
    expect(
      alsoDoDone('someone-died', {
        ...answers,
        deathRegistered: 'yes-with-reference',
        tellUsOnceReference: 'AB123456',
      }),
    ).toEqual(['register']);
  });

  it('keeps it when the death is not registered yet, is with a coroner, or the reporter did not say', () => {
    expect(alsoDoDone('someone-died', { ...answers, deathRegistered: 'not-yet' })).toEqual([]);
    expect(alsoDoDone('someone-died', { ...answers, deathRegistered: 'coroner-interim-certificate' })).toEqual([]);
    const { deathRegistered: _left, ...unsaid } = answers;
    expect(alsoDoDone('someone-died', unsaid)).toEqual([]);
    expect(alsoDoDone('moving-home', exampleSubmissions['moving-home'].answers)).toEqual([]);
  });
});
