/** An address as a resident enters it or picks it from a lookup. */
export interface AddressAnswer {
  line1: string;
  line2?: string | undefined;
  town: string;
  /** Normalised, like "SW1A 2AA". */
  postcode: string;
  /** Unique Property Reference Number, when the address came from a lookup. */
  uprn?: string | undefined;
}

/** One person of a `people` field (the "add another" pattern): their full name and date of birth. */
export interface PersonAnswer {
  fullName: string;
  /** ISO `YYYY-MM-DD`. */
  dateOfBirth: string;
}

/**
 * A normalised answer: a string for most kinds (ISO `YYYY-MM-DD` for dates, option value for
 * radios, "yes" or "no" for yes-no), option values for checkboxes, an address, or the people of a
 * `people` field in the order given.
 */
export type AnswerValue = string | string[] | AddressAnswer | PersonAnswer[];

/** True when the answer is a `people` field's list (not a checkboxes field's option values). */
export function isPeopleAnswer(value: AnswerValue | undefined): value is PersonAnswer[] {
  return Array.isArray(value) && value.some((item) => typeof item === 'object');
}

/** Normalised answers keyed by field name. Only answered fields are present. */
export type Answers = Record<string, AnswerValue>;

/** Options shared by the engine's schemas. */
export interface EngineOptions {
  /** Today as `YYYY-MM-DD` for date rules; defaults to today in the UK. Pass it in tests. */
  readonly today?: string | undefined;
}
