import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * Names residents know as names (services, benefits, documents): read as one short word each, so
 * "Personal Independence Payment" does not count as three long words a reader must work out.
 */
export const knownNames: readonly string[] = [
  'Tell Us Once',
  'National Insurance',
  'Universal Credit',
  'Pension Credit',
  'Housing Benefit',
  'Council Tax Reduction',
  'Council Tax',
  'Child Benefit',
  'Jobcentre Plus',
  "Jobseeker's Allowance",
  'Employment and Support Allowance',
  'Personal Independence Payment',
  'Attendance Allowance',
  'Disability Living Allowance',
  "Carer's Allowance",
  'Working Tax Credit',
  'Child Tax Credit',
  'State Pension',
  'Department for Work and Pensions',
  'Blue Badge',
  'electoral register',
  'housing association',
  'GOV.UK Notify',
  'NHS',
  'GP',
];

const words = (text: string) => text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/** Flesch-Kincaid grade of a text, with known names read as one short word and each line or sentence end counted. */
export function readingGrade(text: string): number {
  // Placeholders, references and codes ("TUO-7K3M-9Q2M") are copied, not read as words; "(optional)" is a GOV.UK marker.
  let plain = text
    .replace(/\{\{[^}]+\}\}/g, 'it')
    .replace(/[\p{L}\p{N}-]*\d[\p{L}\p{N}-]*/gu, 'it')
    .replace(/\(optional\)/g, '');
  for (const name of knownNames)
    plain = plain.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), 'Name');
  const list = words(plain);
  if (list.length === 0) return 0;
  const sentence = Math.max(1, (plain.match(/[.!?:](\s|$)/g) ?? []).length + (/[.!?:]\s*$/.test(plain) ? 0 : 1));
  return fleschKincaid({
    sentence,
    word: list.length,
    syllable: list.reduce((sum, word) => sum + syllable(word), 0),
  });
}

/** How many words a text has (labels of a few words are names of things, not sentences to score). */
export function wordCount(text: string): number {
  return words(text).length;
}
