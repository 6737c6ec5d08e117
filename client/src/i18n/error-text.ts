import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * An error message from the shared schemas in the reader's language. The schemas word their
 * messages in English, and that English is the key of the `errors` namespace (so separators in
 * it, like the "." in "name@example.com", are not read as key paths).
 */
export function errorText(t: TFunction, message: string): string {
  return t(message, { ns: 'errors', keySeparator: false, nsSeparator: false });
}

/** {@link errorText} bound to the current language. */
export function useErrorText(): (message: string) => string {
  const { t } = useTranslation();
  return (message) => errorText(t, message);
}
