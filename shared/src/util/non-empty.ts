/** The array as a non-empty tuple, as `z.union` and `z.discriminatedUnion` want; throws if empty. */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new RangeError('Expected at least one item');
  return [first, ...rest];
}
