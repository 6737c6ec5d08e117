import { useEffect } from 'react';

/** Keeps the document title's "Error: " prefix in step with errors found in the browser. */
export function useErrorTitle(hasErrors: boolean): void {
  useEffect(() => {
    const plain = document.title.replace(/^Error: /, '');
    document.title = hasErrors ? `Error: ${plain}` : plain;
  }, [hasErrors]);
}
