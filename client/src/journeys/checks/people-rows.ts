import { maxPeople } from '@tuo/shared/journeys/engine/people-field';
import { addPersonAction, removePersonAction } from '@tuo/shared/pages/form-values';
import { commonText, fill } from './common-text.js';
import type { PeoplePress } from './people-press.js';

/** The attributes that name a row's boxes, labels, hints and messages by its number. */
const numberedAttributes = ['id', 'for', 'aria-describedby', 'aria-controls'] as const;

/** The people rows of a page checked by the page script, as its own chunk does them. */
export interface PeopleRows {
  /** Does a press of "Add another person" or "Remove" in place; 'removed' when a row went. */
  press(list: HTMLElement, press: PeoplePress): 'added' | 'removed';
}

/** A secondary button posting `_action=value`, as the server renders "Add another person" and "Remove". */
function secondaryButton(value: string): HTMLButtonElement {
  const made = document.createElement('button');
  made.type = 'submit';
  made.name = '_action';
  made.value = value;
  made.className = 'govuk-button govuk-button--secondary';
  made.dataset.module = 'govuk-button';
  return made;
}

/**
 * A people field's rows with JavaScript, on the server's HTML (`PeopleField`): "Add another
 * person" copies the last row's markup blank, below it, and takes focus to its first box; "Remove"
 * takes a row away. The rows after it move up a number, every id, name and label with them, so
 * the form posts as the server numbers rows (from 0, in order), and the words ("Person 2") are
 * the page language's. One row has no Remove button, and a full list no "Add another person", as
 * the server renders them. Without the script the buttons post the page and the server does the same.
 */
export async function peopleRows(lang: string): Promise<PeopleRows> {
  const text = (await commonText(lang)).addAnother;
  const rowsOf = (list: HTMLElement) => [
    ...list.querySelectorAll<HTMLFieldSetElement>(':scope > .tuo-add-another__item'),
  ];
  const person = (index: number) => fill(text.person, { number: String(index + 1) });

  const numbered = (list: HTMLElement, row: HTMLFieldSetElement, from: number, to: number) => {
    const idFrom = `${list.id}-${String(from)}`;
    const idTo = `${list.id}-${String(to)}`;
    const nameFrom = `${list.id}.${String(from)}.`;
    for (const element of [row, ...row.querySelectorAll('*')]) {
      for (const attribute of numberedAttributes) {
        const value = element.getAttribute(attribute);
        if (value === null) continue;
        const tokens = value
          .split(' ')
          .map((token) =>
            token === idFrom || token.startsWith(`${idFrom}-`) ? idTo + token.slice(idFrom.length) : token,
          );
        element.setAttribute(attribute, tokens.join(' '));
      }
      const name = element.getAttribute('name');
      if (name?.startsWith(nameFrom))
        element.setAttribute('name', `${list.id}.${String(to)}.${name.slice(nameFrom.length)}`);
      if (element instanceof HTMLButtonElement && element.value === removePersonAction(from))
        element.value = removePersonAction(to);
    }
    const heading = row.querySelector('legend .govuk-fieldset__heading');
    if (heading) heading.textContent = person(to);
    const named = row.querySelector('button[value^="remove-"] .govuk-visually-hidden');
    if (named) named.textContent = ` ${person(to)}`;
  };

  const removeButton = (index: number) => {
    const made = secondaryButton(removePersonAction(index));
    const hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = ` ${person(index)}`;
    made.append(text.remove, hidden);
    return made;
  };

  /** One Remove button on each row when there are two or more, none on one; "Add another person" while there is room. */
  const settle = (list: HTMLElement) => {
    const rows = rowsOf(list);
    rows.forEach((row, index) => {
      const remove = row.querySelector(':scope > button[value^="remove-"]');
      if (rows.length === 1) remove?.remove();
      else if (!remove) row.append(removeButton(index));
    });
    const add = list.querySelector(`:scope > button[value="${addPersonAction}"]`);
    const full = list.querySelector(':scope > p.govuk-body');
    if (rows.length >= maxPeople && add) {
      const note = document.createElement('p');
      note.className = 'govuk-body';
      note.textContent = fill(text.full, { number: String(maxPeople) });
      add.replaceWith(note);
    } else if (rows.length < maxPeople && !add) {
      const made = secondaryButton(addPersonAction);
      made.textContent = text.add;
      if (full) full.replaceWith(made);
      else list.append(made);
    }
  };

  const add = (list: HTMLElement) => {
    const rows = rowsOf(list);
    const last = rows.at(-1);
    if (!last || rows.length >= maxPeople) return;
    const row = last.cloneNode(true) as HTMLFieldSetElement;
    numbered(list, row, rows.length - 1, rows.length);
    for (const box of row.querySelectorAll('input')) box.value = '';
    // The copy starts clean: none of the last row's errors.
    for (const message of row.querySelectorAll('p.govuk-error-message')) message.remove();
    for (const marked of row.querySelectorAll('.govuk-form-group--error, .govuk-input--error'))
      marked.classList.remove('govuk-form-group--error', 'govuk-input--error');
    for (const described of row.querySelectorAll('[aria-describedby]')) {
      const kept = (described.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((token) => token && !token.endsWith('-error'));
      if (kept.length > 0) described.setAttribute('aria-describedby', kept.join(' '));
      else described.removeAttribute('aria-describedby');
    }
    last.after(row);
    settle(list);
    row.querySelector('input')?.focus();
  };

  const remove = (list: HTMLElement, index: number) => {
    const rows = rowsOf(list);
    const gone = rows[index];
    if (!gone || rows.length === 1) return;
    gone.remove();
    rows.slice(index + 1).forEach((row, offset) => {
      numbered(list, row, index + 1 + offset, index + offset);
    });
    settle(list);
    // Focus goes to the row that took its place, or the one above when it was the last.
    const next = rowsOf(list)[Math.min(index, rows.length - 2)];
    next?.querySelector('input')?.focus();
  };

  return {
    press(list, pressed) {
      if (pressed.action === 'add') {
        add(list);
        return 'added';
      }
      remove(list, pressed.index);
      return 'removed';
    },
  };
}
