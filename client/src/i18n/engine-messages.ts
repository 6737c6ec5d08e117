import {
  agencyKinds,
  catalogue,
  checkField,
  createSubmissionRequestSchema,
  exampleSubmissions,
  personPartFields,
  tooManyPeopleMessage,
  type FieldDefinition,
} from '@tuo/shared';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import { saveReturnMessages } from '@tuo/shared/pages/save-return-messages';
import { addressLookupMessages } from '@tuo/shared/pages/address-lookup-messages';
import { organisationSearchMessages } from '@tuo/shared/pages/organisation-search-messages';

const longText = 'a'.repeat(1300);
// A fixed "today", so the messages (which never print it) come out the same on any day.
const today = '2026-06-15';

/** Raw form values that between them reach every message the engine can give for a field kind. */
function probes(field: FieldDefinition): unknown[] {
  switch (field.kind) {
    case 'date':
      return [
        {},
        ...[
          { day: '1' },
          { month: '1' },
          { year: '2000' },
          { day: '1', month: '1' },
          { day: '1', year: '2000' },
          { month: '1', year: '2000' },
        ],
        { day: 'x', month: '1', year: '2000' },
        { day: '1', month: '1', year: '99' },
        { day: '31', month: '2', year: '2001' },
        { day: '1', month: '1', year: '1899' },
        { day: '1', month: '1', year: '2999' },
      ];
    case 'address':
      return [{}, { line1: longText, line2: longText, town: longText, postcode: 'nope', uprn: 'x' }];
    case 'checkboxes': {
      const exclusive = field.options?.find((option) => option.exclusive);
      const other = field.options?.find((option) => !option.exclusive);
      return [undefined, ['not-an-option'], ...(exclusive && other ? [[exclusive.value, other.value]] : [])];
    }
    case 'name':
      return [undefined, longText, '<name>'];
    case 'nhs-number':
      // Ten digits with a wrong check digit have their own message.
      return [undefined, longText, '!!', '943 476 5918'];
    default:
      return [undefined, longText, 'not-an-option', '!!'];
  }
}

function fieldMessages(field: FieldDefinition): string[] {
  // A people field's messages name the row: translators get them as templates holding {{number}}.
  if (field.kind === 'people') return [...personPartFields.flatMap(fieldMessages), tooManyPeopleMessage];
  // A date out of order with another answer is checked across fields, so its message is read off the field.
  const order = field.notBefore ? [field.notBefore.message] : [];
  return [
    ...probes(field).flatMap((raw) => checkField(field, raw, 'form', { today }).issues.map((issue) => issue.message)),
    ...order,
  ];
}

/** What the submission rules say about consent, for every agency a journey can tell. */
function consentMessages(): string[] {
  return Object.values(exampleSubmissions).flatMap(({ lifeEvent, answers }) =>
    [[], ...agencyKinds.map((agency) => [agency, agency])].flatMap((consent) => {
      const result = createSubmissionRequestSchema.safeParse({ lifeEvent, answers, consent });
      return result.success
        ? []
        : result.error.issues.filter((issue) => issue.path[0] === 'consent').map((issue) => issue.message);
    }),
  );
}

/**
 * Every error message a resident can be shown, in English, sorted: what the engine says for
 * every field of every journey, the consent rules and the other pages' messages. The English
 * `errors` namespace must hold exactly these, so translators always have the complete list.
 */
export function engineMessages(): string[] {
  const journeys = Object.values(catalogue).flatMap((journey) =>
    journey.pages.flatMap((page) => page.fields.flatMap(fieldMessages)),
  );
  return [
    ...new Set([
      ...journeys,
      ...consentMessages(),
      ...Object.values(pageMessages),
      ...Object.values(saveReturnMessages),
      ...Object.values(addressLookupMessages),
      ...Object.values(organisationSearchMessages),
    ]),
  ].sort();
}
