import {
  getJourney,
  isPeopleAnswer,
  normaliseNhsNumber,
  normaliseNiNumber,
  peopleFieldNames,
  protectedFields,
  type AgencyPayloadV1,
  type Answers,
  type LifeEventId,
  type ProtectedKind,
  type SubmissionEnvelopeV1,
} from '@tuo/shared';
import { SAME_EVENT_HASH_PREFIX, sameEventTerm } from '../duplicates/same-event.js';
import { Keyring, type ProtectedDataKey } from './keyring.js';

/** The dates of birth of every person in the answers' people fields, as they stand (sealed or not). */
function peopleDatesOfBirth(lifeEvent: LifeEventId, answers: Readonly<Answers>): string[] {
  return peopleFieldNames(getJourney(lifeEvent)).flatMap((name) => {
    const value = answers[name];
    return isPeopleAnswer(value) ? value.map((person) => person.dateOfBirth) : [];
  });
}

/** The one normal form a protected value is hashed in, whoever typed it how. */
function searchTerm(kind: ProtectedKind, value: string): string {
  const normal =
    kind === 'nhs-number' ? normaliseNhsNumber(value) : kind === 'ni-number' ? normaliseNiNumber(value) : value.trim();
  return `${kind}:${normal}`;
}

/**
 * Protected identifiers (NHS and National Insurance numbers, dates of birth) at the storage
 * boundary. Which answers are protected comes from the journey definitions (field kinds), so a
 * new journey is covered without code. Sealing binds each value to its record and field (the
 * `context`: a submission's reference, a session id), so a sealed value copied into another
 * record does not open there. Opening passes values that are not sealed through unchanged:
 * rows written before sealing was introduced stay readable until they are re-sealed.
 */
export class ProtectedValues {
  constructor(readonly keyring: Keyring) {}

  /** A copy of `answers` with every protected field sealed. */
  sealAnswers(lifeEvent: LifeEventId, answers: Readonly<Answers>, context: string): Answers {
    return this.map(lifeEvent, answers, (value, name) =>
      this.keyring.isSealed(value) ? value : this.keyring.seal(value, `${context}#${name}`),
    );
  }

  /** A copy of `answers` with every sealed field opened. Throws a SealedValueError if one does not open. */
  openAnswers(lifeEvent: LifeEventId, answers: Readonly<Answers>, context: string): Answers {
    return this.map(lifeEvent, answers, (value, name) =>
      this.keyring.isSealed(value) ? this.keyring.open(value, `${context}#${name}`) : value,
    );
  }

  /** True when some protected answer is in clear, or sealed with a key that is no longer the current one. */
  needsResealing(lifeEvent: LifeEventId, answers: Readonly<Answers>): boolean {
    for (const name of protectedFields(getJourney(lifeEvent)).keys()) {
      const value = answers[name];
      if (typeof value === 'string' && this.keyring.keyIdOf(value) !== this.keyring.currentKeyId) return true;
    }
    return peopleDatesOfBirth(lifeEvent, answers).some(
      (value) => this.keyring.keyIdOf(value) !== this.keyring.currentKeyId,
    );
  }

  /** The envelope as stored: its protected answers sealed under its reference. */
  sealEnvelope(envelope: SubmissionEnvelopeV1): SubmissionEnvelopeV1 {
    return { ...envelope, answers: this.sealAnswers(envelope.lifeEvent, envelope.answers, envelope.reference) };
  }

  /** A stored envelope, opened. It was validated when written; its version says how to read it. */
  openEnvelope(stored: unknown): SubmissionEnvelopeV1 {
    const envelope = stored as SubmissionEnvelopeV1;
    return { ...envelope, answers: this.openAnswers(envelope.lifeEvent, envelope.answers, envelope.reference) };
  }

  /** An agency payload as stored while it waits to be sent or read. */
  sealPayload(payload: AgencyPayloadV1): AgencyPayloadV1 {
    return { ...payload, answers: this.sealAnswers(payload.lifeEvent, payload.answers, payload.reference) };
  }

  /** A stored agency payload, opened. */
  openPayload(stored: unknown): AgencyPayloadV1 {
    const payload = stored as AgencyPayloadV1;
    return { ...payload, answers: this.openAnswers(payload.lifeEvent, payload.answers, payload.reference) };
  }

  /**
   * Keyed hashes of a submission's protected answers (in clear), for exact-match search, and of the
   * event it reports (marked `same-event.`), so a second report of the same death or birth is
   * found without its names and dates ever being compared in clear (see duplicates/).
   */
  searchHashes(lifeEvent: LifeEventId, answers: Readonly<Answers>): string[] {
    const hashes: string[] = [];
    for (const [name, kind] of protectedFields(getJourney(lifeEvent))) {
      const value = answers[name];
      if (typeof value === 'string') hashes.push(this.keyring.searchHash(searchTerm(kind, value)));
    }
    for (const value of peopleDatesOfBirth(lifeEvent, answers))
      hashes.push(this.keyring.searchHash(searchTerm('date-of-birth', value)));
    const event = sameEventTerm(lifeEvent, answers);
    if (event) hashes.push(`${SAME_EVENT_HASH_PREFIX}${this.keyring.searchHash(`same-event:${event}`)}`);
    return hashes;
  }

  /** What a search for this value matches: its hash under every configured key. */
  searchHashesFor(kind: ProtectedKind, value: string): string[] {
    return this.keyring.searchHashesUnderEveryKey(searchTerm(kind, value));
  }

  private map(
    lifeEvent: LifeEventId,
    answers: Readonly<Answers>,
    change: (value: string, name: string) => string,
  ): Answers {
    const result: Answers = { ...answers };
    for (const name of protectedFields(getJourney(lifeEvent)).keys()) {
      const value = result[name];
      if (typeof value === 'string') result[name] = change(value, name);
    }
    // Each person's date of birth, bound to the list's field (not the row, so removing a row moves nothing).
    for (const name of peopleFieldNames(getJourney(lifeEvent))) {
      const value = result[name];
      if (isPeopleAnswer(value))
        result[name] = value.map((person) => ({
          ...person,
          dateOfBirth: change(person.dateOfBirth, `${name}.dateOfBirth`),
        }));
    }
    return result;
  }
}

/** The process's protected-values boundary, from the configured keys. */
export function createProtectedValues(keys: readonly ProtectedDataKey[]): ProtectedValues {
  return new ProtectedValues(new Keyring(keys));
}
