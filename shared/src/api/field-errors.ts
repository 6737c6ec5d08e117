import type { z } from 'zod';

/** One entry of a GOV.UK error summary, and the message beside the field. */
export interface FieldError {
  /** Dotted path below the stripped prefix: "dateOfDeath", "lastAddress.postcode". */
  readonly field: string;
  readonly message: string;
  /** For a date, the boxes to highlight ("day", "month", "year"). */
  readonly parts?: readonly string[];
}

/**
 * Turns zod issues into one error per field, first message wins, in the order the fields were
 * checked (which is the page order). `prefix` is dropped from paths, e.g. `['answers']`.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  const errors = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = prefix.every((key, index) => issue.path[index] === key) ? issue.path.slice(prefix.length) : issue.path;
    const field = path.map(String).join('.');
    if (errors.has(field)) continue;
    const parts: unknown = issue.code === 'custom' ? issue.params?.parts : undefined;
    errors.set(
      field,
      Array.isArray(parts)
        ? { field, message: issue.message, parts: parts.map(String) }
        : { field, message: issue.message },
    );
  }
  return [...errors.values()];
}
