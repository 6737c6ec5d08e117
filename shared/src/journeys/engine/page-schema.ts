import type { z } from 'zod';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import type { Answers, EngineOptions } from './answers.js';
import { checkField } from './check-field.js';
import { dateOrderMessage } from './date-order.js';
import { evaluateCondition } from './evaluate-condition.js';
import { inputShape } from './input-shape.js';
import { getPage } from './next-page.js';

/** A page's schema: takes the posted form, outputs that page's normalised answers. */
export type PageSchema = z.ZodType<Answers, Record<string, unknown>>;

/**
 * The zod schema for one page's form, for the server's POST handler and the browser's
 * react-hook-form resolver alike. Input is what an HTML form posts: strings, a string or array of
 * strings for checkboxes, `{ day, month, year }` for dates, `{ line1, line2, town, postcode }` for
 * addresses. Output holds only this page's answered, visible fields, normalised. A field hidden by
 * `showWhen` (given `answersSoFar` and the page's own earlier fields) is neither required nor kept.
 * A date before the date its `notBefore` names (in `answersSoFar` or earlier on the page) is refused.
 * Issue paths are the field name, then the address part if any: `['lastAddress', 'postcode']`.
 */
export function pageSchema(
  journey: JourneyDefinition,
  pageId: string,
  answersSoFar: Readonly<Answers> = {},
  options: EngineOptions = {},
): PageSchema {
  const page = getPage(journey, pageId);
  const ownNames = new Set(page.fields.map((field) => field.name));
  const earlier = Object.fromEntries(Object.entries(answersSoFar).filter(([name]) => !ownNames.has(name)));
  return inputShape(page.fields, 'form').transform((input, ctx) => {
    const output: Answers = {};
    for (const field of page.fields) {
      if (field.showWhen && !evaluateCondition(field.showWhen, { ...earlier, ...output })) continue;
      const check = checkField(field, input[field.name], 'form', options);
      for (const issue of check.issues)
        ctx.addIssue({
          code: 'custom',
          path: [field.name, ...issue.path],
          message: issue.message,
          ...(issue.params ? { params: issue.params } : {}),
        });
      const outOfOrder = dateOrderMessage(field, check.value, { ...earlier, ...output });
      if (outOfOrder) ctx.addIssue({ code: 'custom', path: [field.name], message: outOfOrder });
      if (check.value !== undefined) output[field.name] = check.value;
    }
    return output;
  });
}

/**
 * Merges one page's answers into the answers so far, first dropping every field of that page, so
 * a field the resident has now hidden or emptied does not linger.
 */
export function applyPageAnswers(
  journey: JourneyDefinition,
  pageId: string,
  answersSoFar: Readonly<Answers>,
  pageAnswers: Readonly<Answers>,
): Answers {
  const ownNames = new Set(getPage(journey, pageId).fields.map((field) => field.name));
  return {
    ...Object.fromEntries(Object.entries(answersSoFar).filter(([name]) => !ownNames.has(name))),
    ...pageAnswers,
  };
}
