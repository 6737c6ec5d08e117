// Words that speak to the resident ("your", "I am"); a quoted option ("or select 'I don't know'") is the option's own.
const addressesResident = /\b(you|your|yours|yourself|I|my|me)\b/i;

/**
 * True when a text meant for an adviser still speaks to the resident, as the adviser wording tests
 * check every adviser message and hint. Test code only.
 */
export function speaksToResident(text: string): boolean {
  return addressesResident.test(text.replace(/(^|\s)'(?:[^']|'(?=\w))*'/g, ' '));
}
