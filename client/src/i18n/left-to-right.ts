import type { FieldKind } from '@tuo/shared';

/**
 * `text` wrapped in Unicode's left-to-right isolate, for places that hold only text (a sentence
 * from a translation): "TUO-7K3M-9Q2M" keeps its order inside Arabic. Only needed, and only used,
 * on right-to-left pages, so copied English text carries no invisible characters.
 */
export function leftToRight(text: string): string {
  return `\u2066${text}\u2069`;
}

/** Answers that are numbers, codes or addresses, read left to right in every language. */
export const leftToRightKinds: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'nhs-number',
  'ni-number',
  'postcode',
  'email',
  'phone',
]);
