import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { documentTitle } from '../i18n/document-title.js';

/** Keeps the document title (and its "Error:" prefix) in step with errors found in the browser. */
export function useErrorTitle(heading: string, hasErrors: boolean): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = documentTitle(t, heading, hasErrors);
  }, [t, heading, hasErrors]);
}
