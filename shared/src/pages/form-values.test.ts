import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../journeys/definition/field-definition-schema.js';
import { maxPeople } from '../journeys/engine/people-field.js';
import { answersToFormValues, formInput, inputName, removedRow, removePersonAction } from './form-values.js';

const fields: FieldDefinition[] = [
  { name: 'fullName', kind: 'name', label: 'Full name' },
  { name: 'dateOfBirth', kind: 'date', label: 'Date of birth', dateRule: 'past' },
  { name: 'address', kind: 'address', label: 'Address' },
  {
    name: 'benefits',
    kind: 'checkboxes',
    label: 'Benefits',
    options: [
      { value: 'universal-credit', label: 'Universal Credit' },
      { value: 'none', label: 'None', exclusive: true },
    ],
  },
];

describe('formInput', () => {
  it('reads dotted part names into the shape a page schema takes', () => {
    const posted = {
      fullName: 'Ann Lee',
      'dateOfBirth.day': '1',
      'dateOfBirth.month': '2',
      'dateOfBirth.year': '1990',
      'address.line1': '1 High St',
      'address.town': 'Leeds',
      'address.postcode': 'LS1 4AP',
      benefits: 'none',
    };
    expect(formInput(fields, posted)).toEqual({
      fullName: 'Ann Lee',
      dateOfBirth: { day: '1', month: '2', year: '1990' },
      address: { line1: '1 High St', line2: '', town: 'Leeds', postcode: 'LS1 4AP' },
      benefits: ['none'],
    });
  });

  it('reads only the names the definition has, so nothing crafted reaches the answers', () => {
    const posted = JSON.parse(
      '{"__proto__": "x", "constructor": "y", "fullName": ["Ann", "Bob"], "extra": "z"}',
    ) as Record<string, string | string[]>;
    const values = formInput(fields, posted);
    expect(Object.keys(values)).toEqual(['fullName', 'dateOfBirth', 'address', 'benefits']);
    expect(values.fullName).toBe('Ann');
    expect(values.benefits).toEqual([]);
  });
});

describe('answersToFormValues', () => {
  it('shows an ISO date as the numbers a person typed, and an address by parts', () => {
    const values = answersToFormValues(fields, {
      dateOfBirth: '1990-02-01',
      address: { line1: '1 High St', town: 'Leeds', postcode: 'LS1 4AP' },
      benefits: ['universal-credit'],
    });
    expect(values).toEqual({
      dateOfBirth: { day: '1', month: '2', year: '1990' },
      address: { line1: '1 High St', line2: '', town: 'Leeds', postcode: 'LS1 4AP' },
      benefits: ['universal-credit'],
    });
  });

  it('round-trips through a form post', () => {
    const answers = { fullName: 'Ann Lee', dateOfBirth: '1990-12-31' };
    const values = answersToFormValues(fields, answers);
    const posted = Object.fromEntries(
      Object.entries(values).flatMap(([name, value]) =>
        typeof value === 'string' || Array.isArray(value)
          ? [[name, value]]
          : Object.entries(value).map(([part, text]) => [inputName({ name }, part), text]),
      ),
    ) as Record<string, string>;
    expect(formInput(fields, posted)).toMatchObject(values);
  });
});

describe('removedRow', () => {
  it('reads back the row of every Remove button a people field can show', () => {
    for (let index = 0; index < maxPeople; index++) expect(removedRow(removePersonAction(index))).toBe(index);
  });

  it('is undefined for any other value', () => {
    for (const value of [undefined, '', 'add-person', 'remove-', 'remove-01', 'remove-1x', 'remove--1', 'xremove-1']) {
      expect(removedRow(value), String(value)).toBeUndefined();
    }
  });
});
