import { conditionComparisons } from '../journeys/definition/condition-schema.js';
import type { JourneyDefinition } from '../journeys/definition/journey-definition-schema.js';
import type { Answers } from '../journeys/engine/answers.js';
import { getPage } from '../journeys/engine/next-page.js';

/**
 * The earlier answers a page's `showWhen` conditions and `notBefore` date rules read: what the
 * browser needs, beside the catalogue, to build the same page schema as the server, and nothing more.
 */
export function pageContext(journey: JourneyDefinition, pageId: string, answers: Readonly<Answers>): Answers {
  const fields = getPage(journey, pageId).fields;
  const own = new Set(fields.map((field) => field.name));
  const context: Answers = {};
  for (const field of fields) {
    const read = [
      ...(field.showWhen ? conditionComparisons(field.showWhen).map((comparison) => comparison.field) : []),
      ...(field.notBefore ? [field.notBefore.field] : []),
    ];
    for (const name of read) {
      const answer = Object.hasOwn(answers, name) ? answers[name] : undefined;
      if (!own.has(name) && answer !== undefined) context[name] = answer;
    }
  }
  return context;
}
