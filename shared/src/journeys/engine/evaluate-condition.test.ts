import { describe, expect, it } from 'vitest';
import type { Condition } from '../definition/condition-schema.js';
import { evaluateCondition } from './evaluate-condition.js';

const answers = { tenure: 'rent', services: ['council-tax', 'library'] };

describe('evaluateCondition', () => {
  it.each<[Condition, boolean]>([
    [{ field: 'tenure', equals: 'rent' }, true],
    [{ field: 'tenure', equals: 'own' }, false],
    [{ field: 'missing', equals: 'rent' }, false],
    [{ field: 'services', includes: 'library' }, true],
    [{ field: 'services', includes: 'bus-pass' }, false],
    [{ field: 'tenure', includes: 'rent' }, false],
    [
      {
        all: [
          { field: 'tenure', equals: 'rent' },
          { field: 'services', includes: 'library' },
        ],
      },
      true,
    ],
    [
      {
        all: [
          { field: 'tenure', equals: 'rent' },
          { field: 'services', includes: 'bus-pass' },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { field: 'tenure', equals: 'own' },
          { field: 'services', includes: 'library' },
        ],
      },
      true,
    ],
    [{ not: { field: 'tenure', equals: 'rent' } }, false],
    [{ not: { field: 'missing', equals: 'x' } }, true],
  ])('%j is %s', (condition, expected) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });
});
