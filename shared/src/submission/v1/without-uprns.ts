import type { Answers, AnswerValue } from '../../journeys/engine/answers.js';

/**
 * The answers with every address's UPRN left out, for a kind of organisation that is not sent one
 * (see `reportFactsFor`); an address without a UPRN is a valid v1 answer, so nothing else changes.
 */
export function withoutUprns(answers: Readonly<Answers>): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([name, value]): [string, AnswerValue] => {
      if (typeof value !== 'object' || Array.isArray(value) || value.uprn === undefined) return [name, value];
      const { uprn: _withheld, ...address } = value;
      return [name, address];
    }),
  );
}
