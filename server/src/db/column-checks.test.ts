import { describe, expect, it } from 'vitest';
import { valueList } from './column-checks.js';

describe('valueList', () => {
  it.each([
    ["CHECK ((kind = ANY (ARRAY['council'::text, 'gp-practice'::text])))", 'kind', false, ['council', 'gp-practice']],
    [
      "CHECK ((told_agencies <@ ARRAY['council'::text, 'jobcentre'::text]))",
      'told_agencies',
      true,
      ['council', 'jobcentre'],
    ],
    ["CHECK ((note = ANY (ARRAY['it''s'::text])))", 'note', false, ["it's"]],
  ])('reads %s', (definition, column, array, values) => {
    expect(valueList(definition, column, array)).toEqual(values);
  });

  it.each([
    ["CHECK (((agency IS NOT NULL) = (role = ANY (ARRAY['agency-user'::text, 'agency-admin'::text]))))", 'role'],
    ["CHECK ((role = ANY (ARRAY['adviser'::text, 'admin'::text])))", 'agency'],
    ["CHECK ((kind = ANY (ARRAY['council'::text, lower(name)])))", 'kind'],
    ['CHECK ((acknowledge_days >= 0))', 'acknowledge_days'],
  ])('is not a value list of the column: %s', (definition, column) => {
    expect(valueList(definition, column)).toBeUndefined();
  });

  it('tells an array check from a scalar one', () => {
    expect(valueList("CHECK ((told_agencies <@ ARRAY['council'::text]))", 'told_agencies', false)).toBeUndefined();
    expect(valueList("CHECK ((kind = ANY (ARRAY['council'::text])))", 'kind', true)).toBeUndefined();
  });
});
