import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@tuo/shared';
import { errorText } from '../i18n/error-text.js';
import { errorTarget } from './field-ids.js';

/**
 * A link in the summary moves focus to the box to fix, with its question scrolled into view above
 * it (a plain jump to the id would hide the label and legend above the top of the screen).
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  input.focus({ preventScroll: true });
  const question =
    input.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (question ?? input).scrollIntoView();
}

/**
 * The GOV.UK error summary. It takes focus when it appears (on load after a failed post, or after
 * each failed submit in the browser) so screen reader users hear what went wrong first: on load
 * by govuk-frontend's script (its `data-module`, started whether or not the page hydrates, and
 * also working its links), and on a page React hydrates when `focusKey` goes up, once per failed
 * submit, so typing while errors show never steals focus.
 */
export function ErrorSummary({ errors, focusKey = 0 }: { errors: readonly FieldError[]; focusKey?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const focused = useRef(0);
  const hasErrors = errors.length > 0;
  // The errors and the new focusKey can arrive in different renders, so check after each one.
  useEffect(() => {
    if (focusKey > focused.current && hasErrors && ref.current) {
      focused.current = focusKey;
      ref.current.focus();
    }
  });
  if (!hasErrors) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t('problem.summaryTitle')}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => {
              const target = errorTarget(error);
              return (
                <li key={error.field}>
                  <a
                    href={`#${target}`}
                    onClick={(event) => {
                      focusTarget(event, target);
                    }}
                  >
                    {errorText(t, error.message)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}
