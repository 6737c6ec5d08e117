import type { FieldKind } from '../journeys/definition/field-definition-schema.js';
import type { PageDefinition } from '../journeys/definition/page-definition-schema.js';

/**
 * How the browser checks a question page before it posts it:
 * - `page-script`: a small script runs the page's shared schema and shows the GOV.UK errors in the
 *   server's own markup, without React (`client/src/journeys/checks/`). The page's boxes, radios,
 *   checkboxes and dates are plain HTML, so nothing else on it needs React; an address's finder is
 *   the server's HTML too, its look-up done in place by the script's own chunk
 *   (`client/src/address-lookup/address-script.ts`), fetched only on a page that has one;
 * - `react`: the page hydrates on the resident's first interaction, for the parts that do need it
 *   (the people rows, the organisation search, the character count). An address beside one of them
 *   is found by posting "Find address", as without JavaScript.
 * Either way the server checks the post again, as it does without JavaScript.
 */
export type BrowserChecks = 'page-script' | 'react';

/** Field kinds that are plain HTML boxes and choices on the page (an address: its boxes and its finder). */
const plainKinds: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'text',
  'name',
  'date',
  'radios',
  'checkboxes',
  'yes-no',
  'nhs-number',
  'ni-number',
  'postcode',
  'email',
  'phone',
  'address',
]);

/** The page's {@link BrowserChecks}: a form page whose every field is of a plain kind needs no React. */
export function browserChecks(page: PageDefinition): BrowserChecks {
  return page.kind === 'form' && page.fields.every((field) => plainKinds.has(field.kind)) ? 'page-script' : 'react';
}
