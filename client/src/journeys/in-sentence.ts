/**
 * A question as the end of "Change …": its first letter lower-cased, as in a sentence, and nothing
 * else ("What is their NHS number?" becomes "what is their NHS number?", never "…nhs number?", which
 * a screen reader says as a word); a label starting with an abbreviation ("NHS number") stays as it is.
 */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
}
