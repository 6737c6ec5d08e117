import { z } from 'zod';

/**
 * When a field is shown, a next page is taken or an agency is told. A small closed language:
 * compare one answer, or combine conditions. Conditions on an unanswered field are false.
 */
export type Condition =
  | { readonly field: string; readonly equals: string }
  | { readonly field: string; readonly includes: string }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

const fieldName = z.string().min(1);

/** Validates the shape of a {@link Condition}; whether its field exists is checked per journey. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldName, equals: z.string().min(1) }),
    z.strictObject({ field: fieldName, includes: z.string().min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** Every `{ field, equals | includes }` comparison inside a condition, however deeply combined. */
export function conditionComparisons(condition: Condition): { field: string; equals?: string; includes?: string }[] {
  if ('all' in condition) return condition.all.flatMap(conditionComparisons);
  if ('any' in condition) return condition.any.flatMap(conditionComparisons);
  if ('not' in condition) return conditionComparisons(condition.not);
  return [condition];
}
