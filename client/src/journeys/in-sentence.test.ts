import { describe, expect, it } from 'vitest';
import { inSentence } from './in-sentence.js';

describe('a question at the end of "Change …"', () => {
  it('lower-cases only a first letter that starts an ordinary word', () => {
    expect(inSentence('What is their NHS number?')).toBe('what is their NHS number?');
    expect(inSentence('When do you move?')).toBe('when do you move?');
    expect(inSentence('Czy mieszkasz z tobą?')).toBe('czy mieszkasz z tobą?');
  });

  it('leaves an abbreviation, a number or a script without case as it is', () => {
    expect(inSentence('NHS number')).toBe('NHS number');
    expect(inSentence('GP practice')).toBe('GP practice');
    expect(inSentence('2 or more')).toBe('2 or more');
    expect(inSentence('ما هو رقم NHS؟')).toBe('ما هو رقم NHS؟');
  });
});
