import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { personMessageTemplate } from '@tuo/shared';

/**
 * An error message from the shared schemas in the reader's language. The schemas word their
 * messages in English, and that English is the key of the `errors` namespace (so separators in
 * it, like the "." in "name@example.com", are not read as key paths). A message naming a person
 * of a list by number ("Enter the full name of person 2") is keyed by its template, with the
 * number filled in.
 */
export function errorText(t: TFunction, message: string): string {
  const options = { ns: 'errors', keySeparator: false, nsSeparator: false } as const;
  const row = personMessageTemplate(message);
  return row ? t(row.template, { ...options, number: row.number }) : t(message, options);
}

/** {@link errorText} bound to the current language. */
export function useErrorText(): (message: string) => string {
  const { t } = useTranslation();
  return (message) => errorText(t, message);
}
