import { addPersonAction, removedRow } from '@tuo/shared/pages/form-values';

/** A press of a people field's button: "Add another person", or "Remove" on one row (from 0). */
export type PeoplePress = { action: 'add' } | { action: 'remove'; index: number };

/** The press `submitter` makes (`_action=add-person`, `remove-<row>`), if it is one. */
export function peoplePress(submitter: HTMLElement | null): PeoplePress | undefined {
  if (submitter?.getAttribute('name') !== '_action' || !submitter.closest('.tuo-add-another')) return undefined;
  const value = submitter.getAttribute('value') ?? '';
  if (value === addPersonAction) return { action: 'add' };
  const row = removedRow(value);
  return row === undefined ? undefined : { action: 'remove', index: row };
}
