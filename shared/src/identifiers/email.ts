import { z } from 'zod';

/** The GOV.UK error message for an email address in the wrong format. */
export const emailMessage = 'Enter an email address in the correct format, like name@example.com';

/** Example email addresses on domains reserved for documentation. */
export const exampleEmails = ['name@example.com', 'first.last+tell-us-once@example.org.uk'] as const;

/** The longest email address that can be delivered (RFC 5321 path limit). */
export const maxEmailLength = 254;

const emailFormat = z.email();

/**
 * Trims and lower-cases the domain, which is case-insensitive. The part before the @ keeps its
 * case, because a mail server may treat it as case-sensitive. Safe to call twice.
 */
export function normaliseEmail(input: string): string {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  return at === -1 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** True when the input, once trimmed, is an email address of at most 254 characters. */
export function isValidEmail(input: string): boolean {
  const email = normaliseEmail(input);
  return email.length <= maxEmailLength && emailFormat.safeParse(email).success;
}

/** Validates an email address and outputs it trimmed with a lower-case domain. */
export const emailSchema = z
  .string({ error: emailMessage })
  .refine(isValidEmail, { error: emailMessage })
  .transform(normaliseEmail);
