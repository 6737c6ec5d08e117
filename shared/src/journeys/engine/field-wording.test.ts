import { describe, expect, it } from 'vitest';
import { agencyKinds } from '../../agencies/agency-kinds.js';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { adviserConsentMessage, consentMessage, type ConsentRule } from '../../api/consent-messages.js';
import { createSubmissionRequestSchema } from '../../api/submissions.js';
import {
  addressLookupMessages,
  adviserAddressLookupMessages,
  adviserAddressLookupText,
} from '../../pages/address-lookup-messages.js';
import { speaksToResident } from '../../testing/speaks-to-resident.js';
import { catalogue } from '../catalogue.js';
import type { FieldDefinition } from '../definition/field-definition-schema.js';
import { checkField } from './check-field.js';
import { adviserField, adviserJourney } from './field-wording.js';
import { pageSchema } from './page-schema.js';

const today = '2026-06-15';
const long = 'a'.repeat(1300);

/** Form values that between them reach the messages a field's wording makes: empty, too long, not a choice, dates in part. */
function probes(field: FieldDefinition): unknown[] {
  const exclusive = field.options?.find((option) => option.exclusive);
  const other = field.options?.find((option) => !option.exclusive);
  return [
    undefined,
    long,
    '<name>',
    ['not-an-option'],
    ...(exclusive && other ? [[exclusive.value, other.value]] : []),
    { day: '1' },
    { day: '1', month: '1', year: '99' },
    { day: '31', month: '2', year: '2001' },
    { day: '1', month: '1', year: '2999' },
  ];
}

function messages(field: FieldDefinition): string[] {
  const shown = probes(field).flatMap((raw) =>
    checkField({ ...field, optional: false }, raw, 'form', { today }).issues.map((issue) => issue.message),
  );
  return [...new Set([...shown, ...(field.notBefore ? [field.notBefore.message] : [])])];
}

const everyField = Object.values(catalogue).flatMap((journey) =>
  journey.pages.flatMap((page) => page.fields.map((field) => ({ journey: journey.id, field }))),
);

describe('adviser wording of every journey', () => {
  it('words every error message for the adviser, about the resident, wherever the resident is spoken to', () => {
    const missing = everyField.flatMap(({ journey, field }) =>
      messages(adviserField(field))
        .filter((message) => speaksToResident(message) || message.includes('?'))
        .map((message) => `${journey} ${field.name}: ${message}`),
    );
    expect(missing).toEqual([]);
  });

  it('words every label, hint, option and option hint for the adviser wherever the resident is spoken to', () => {
    const missing = everyField.flatMap(({ journey, field }) => {
      const worded = adviserField(field);
      const texts = [
        worded.label,
        worded.hint,
        ...(worded.options ?? []).flatMap((option) => [option.label, option.hint]),
      ].filter((text): text is string => text !== undefined);
      return texts.filter(speaksToResident).map((text) => `${journey} ${field.name}: ${text}`);
    });
    expect(missing).toEqual([]);
  });

  it('gives the adviser their own error messages from the page schema, the resident theirs', () => {
    const journey = catalogue['moving-home'];
    const errors = (worded: typeof journey) =>
      pageSchema(worded, 'your-details', {}, { today })
        .safeParse({})
        .error?.issues.map((issue) => issue.message);
    expect(errors(journey)).toEqual(['Enter your full name', 'Enter your date of birth']);
    expect(errors(adviserJourney(journey))).toEqual([
      "Enter the resident's full name",
      "Enter the resident's date of birth",
    ]);
    const hint = (field: FieldDefinition | undefined) => field?.options?.find((option) => option.value === 'no')?.hint;
    const knows = journey.pages.flatMap((page) => page.fields).find((field) => field.name === 'knowsNiNumber');
    expect(hint(knows)).toBe('You can still go on. Jobcentre Plus may contact you to check who you are.');
    expect(hint(knows && adviserField(knows))).toBe(
      'They can still go on. Jobcentre Plus may contact them to check who they are.',
    );
  });

  it('words the consent rules’ messages for the adviser, from the issues the submission rules give', () => {
    const rules: ConsentRule[] = ['selected-twice', 'not-relevant', 'required', 'none-relevant', 'none-chosen'];
    const written = rules.flatMap((rule) => agencyKinds.map((agency) => consentMessage(rule, 'adviser', agency)));
    expect(written.filter(speaksToResident)).toEqual([]);
    // What the who-to-tell page shows an adviser: the rules' own issues, worded again from what they carry.
    const shown = Object.values(exampleSubmissions).flatMap(({ lifeEvent, answers }) =>
      [[], [...agencyKinds, ...agencyKinds]].flatMap(
        (consent) =>
          createSubmissionRequestSchema
            .safeParse({ lifeEvent, answers, consent })
            .error?.issues.filter((issue) => issue.path[0] === 'consent') ?? [],
      ),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map(adviserConsentMessage).filter(speaksToResident)).toEqual([]);
    expect(shown.map((issue) => issue.message).filter(speaksToResident).length).toBeGreaterThan(0);
    expect(consentMessage('none-relevant', 'adviser')).toBe(
      "Based on the resident's answers, none of the services need to know about this",
    );
  });

  it('words the address look-up’s messages and text for the adviser', () => {
    const adviser = [...Object.values(adviserAddressLookupMessages), ...Object.values(adviserAddressLookupText)];
    expect(adviser.filter(speaksToResident)).toEqual([]);
    expect(speaksToResident(addressLookupMessages.tooManyLookups)).toBe(true);
  });

  it('keeps names, values and rules: only the words change', () => {
    for (const { field } of everyField) {
      const worded = adviserField(field);
      expect({ ...worded, label: '', hint: '', errorName: '', requiredMessage: '', options: [] }).toEqual({
        ...field,
        label: '',
        hint: '',
        errorName: '',
        requiredMessage: '',
        options: [],
      });
      expect(worded.options?.map((option) => option.value)).toEqual(field.options?.map((option) => option.value));
    }
  });
});
