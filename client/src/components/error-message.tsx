import type { FieldError } from '@tuo/shared';

/** The inline message beside a field, with the hidden "Error:" prefix screen readers need. */
export function ErrorMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error.message}
    </p>
  );
}
