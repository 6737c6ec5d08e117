import { describe, expect, it } from 'vitest';
import { answeredRows } from './answered-rows.js';

describe('answered rows', () => {
  const answers = {
    fullName: 'Priya Shah',
    movingWith: 'me-and-others',
    peopleMoving: [{ fullName: 'Ravi Shah', dateOfBirth: '1984-05-02' }],
  };

  it('show each person moving on a line, under the officer label', () => {
    expect(answeredRows('moving-home', answers)).toContainEqual({
      label: 'Person moving with them',
      lines: ['Ravi Shah, born 2 May 1984'],
    });
  });

  it('keep an answer to a question the journey no longer asks, by its name', () => {
    const older = { ...answers, otherPeopleMoving: 'Ravi Shah 2/5/1984\nAnya Shah 18/10/2015' };
    expect(answeredRows('moving-home', older).at(-1)).toEqual({
      label: 'otherPeopleMoving',
      lines: ['Ravi Shah 2/5/1984', 'Anya Shah 18/10/2015'],
    });
  });
});
