import type { FieldError } from '@tuo/shared';
import { errorTarget, inputId } from '../../components/field-ids.js';
import type { PageScriptText } from './page-script-text.js';

/** Boxes that take GOV.UK's error border, and the class that draws it. */
const errorBorders = [
  ['govuk-input', 'govuk-input--error'],
  ['govuk-textarea', 'govuk-textarea--error'],
  ['govuk-select', 'govuk-select--error'],
] as const;

/** `aria-describedby` with `id` added (after the others) or taken out. */
function describe(element: Element, id: string, present: boolean): void {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((token) => token && token !== id);
  if (present) ids.push(id);
  if (ids.length > 0) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

/** The inline message, as `ErrorMessage` renders it. */
function errorMessage(id: string, message: string, text: PageScriptText): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.id = id;
  paragraph.className = 'govuk-error-message';
  const prefix = document.createElement('span');
  prefix.className = 'govuk-visually-hidden';
  prefix.textContent = text.hiddenPrefix;
  paragraph.append(prefix, ` ${text.error(message)}`);
  return paragraph;
}

/**
 * Marks one field in error as its React component does on the server (`field-frame.tsx`, the
 * field kinds): a fieldset (radios, checkboxes, a date) gets the message after its legend and
 * hint and describes itself by it, a date only its boxes in error bordered; a single box gets the
 * message just above it, its border, and is described by it. Either way its form group turns red.
 */
function markField(form: HTMLFormElement, error: FieldError, text: PageScriptText): void {
  const id = inputId(error.field);
  const target = form.querySelector(`#${CSS.escape(id)}`);
  if (!target) return;
  const messageId = `${id}-error`;
  const framed = target.matches('.govuk-radios__input, .govuk-checkboxes__input, .govuk-date-input');
  const fieldset = framed ? target.closest('fieldset') : null;
  const group = (fieldset ?? target).closest('.govuk-form-group');
  group?.classList.add('govuk-form-group--error');
  const message = errorMessage(messageId, error.message, text);
  if (!fieldset) {
    target.before(message);
    for (const [box, border] of errorBorders) if (target.classList.contains(box)) target.classList.add(border);
    describe(target, messageId, true);
    return;
  }
  const hint = fieldset.querySelector(`:scope > #${CSS.escape(`${id}-hint`)}`);
  (hint ?? fieldset.querySelector(':scope > legend'))?.after(message);
  describe(fieldset, messageId, true);
  if (target.matches('.govuk-date-input'))
    for (const box of target.querySelectorAll('.govuk-date-input__input')) {
      const part = box.id.slice(id.length + 1);
      if (error.parts === undefined || error.parts.includes(part)) box.classList.add('govuk-input--error');
    }
}

/** Takes away every error shown in `form` (the server's, after a post without JavaScript, or the script's). */
function clearFields(form: HTMLFormElement): void {
  for (const message of form.querySelectorAll('p.govuk-error-message[id$="-error"]')) {
    for (const described of form.querySelectorAll(`[aria-describedby~="${CSS.escape(message.id)}"]`))
      describe(described, message.id, false);
    message.remove();
  }
  for (const group of form.querySelectorAll('.govuk-form-group--error'))
    group.classList.remove('govuk-form-group--error');
  for (const [, border] of errorBorders)
    for (const box of form.querySelectorAll(`.${border}`)) box.classList.remove(border);
}

/** The GOV.UK error summary, as `ErrorSummary` renders it. */
function errorSummary(errors: readonly FieldError[], text: PageScriptText): HTMLDivElement {
  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.dataset.module = 'govuk-error-summary';
  summary.tabIndex = -1;
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.className = 'govuk-error-summary__title';
  title.textContent = text.summaryTitle;
  const body = document.createElement('div');
  body.className = 'govuk-error-summary__body';
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-error-summary__list';
  for (const error of errors) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${errorTarget(error)}`;
    link.textContent = text.error(error.message);
    item.append(link);
    list.append(item);
  }
  body.append(list);
  alert.append(title, body);
  summary.append(alert);
  return summary;
}

/**
 * Shows `errors` on a question page as the server would have rendered them for the same post (none
 * clears them): the summary above the caption, each field marked, and the title marked "Error:".
 * Returns the new summary, for govuk-frontend's script to take focus and work its links.
 */
export function showErrors(
  form: HTMLFormElement,
  errors: readonly FieldError[],
  text: PageScriptText,
): HTMLElement | undefined {
  const column = form.closest('.govuk-grid-column-two-thirds');
  column?.querySelector(':scope > .govuk-error-summary')?.remove();
  clearFields(form);
  document.title = text.documentTitle(text.headingOf(document.title), errors.length > 0);
  if (errors.length === 0 || !column) return undefined;
  for (const error of errors) markField(form, error, text);
  const summary = errorSummary(errors, text);
  column.prepend(summary);
  return summary;
}
