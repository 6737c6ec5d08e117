import { z } from 'zod';

/** The longest name we accept, in characters after normalising. */
export const maxPersonNameLength = 100;

/** Names in several scripts with apostrophes, hyphens and spaces, all of which must be accepted. */
export const examplePersonNames = [
  "Siobhán O'Neill",
  'Mary-Jane Smith',
  'Nguyễn Thị Minh Khai',
  '李小龍',
  'محمد علي',
  'Zoë',
] as const;

// Letters and combining marks of any script, so accents and non-Latin names are not rejected.
const allowedCharacters = /^[\p{L}\p{M}' -]+$/u;
const hasLetter = /\p{L}/u;

function hasAllowedCharacters(name: string): boolean {
  return allowedCharacters.test(name) && hasLetter.test(name);
}

/**
 * Tidies a name without changing its spelling: Unicode NFC, curly apostrophes and Unicode hyphens
 * become ' and -, and runs of spaces become one. Safe to call twice.
 */
export function normalisePersonName(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the name, once normalised, is 1 to 100 letters, spaces, hyphens and apostrophes. */
export function isValidPersonName(input: string): boolean {
  const name = normalisePersonName(input);
  return name.length >= 1 && name.length <= maxPersonNameLength && hasAllowedCharacters(name);
}

/**
 * The GOV.UK messages for a name, starting with its label: "First name must be 100 characters
 * or fewer", "First name must only include letters, spaces, hyphens and apostrophes".
 */
export function personNameMessages(label: string): { tooLong: string; invalid: string } {
  return {
    tooLong: `${label} must be ${maxPersonNameLength} characters or fewer`,
    invalid: `${label} must only include letters, spaces, hyphens and apostrophes`,
  };
}

/** Builds a zod schema for a name whose messages start with `label`; outputs the normalised name. */
export function createPersonNameSchema(label: string): z.ZodType<string, string> {
  // Building a zod schema is costly; each label's schema is built once and reused.
  const cached = nameSchemas.get(label);
  if (cached) return cached;
  const messages = personNameMessages(label);
  const schema = z
    .string({ error: messages.invalid })
    .transform(normalisePersonName)
    .superRefine((name, ctx) => {
      if (name.length > maxPersonNameLength) ctx.addIssue({ code: 'custom', message: messages.tooLong });
      else if (!hasAllowedCharacters(name)) ctx.addIssue({ code: 'custom', message: messages.invalid });
    });
  nameSchemas.set(label, schema);
  return schema;
}

const nameSchemas = new Map<string, z.ZodType<string, string>>();

/** A name schema with messages starting "Name". */
export const personNameSchema = createPersonNameSchema('Name');
