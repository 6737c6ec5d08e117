import type { z } from 'zod';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import { checkAnswersPage } from '../definition/page-definition-schema.js';
import type { Answers, EngineOptions } from './answers.js';
import { checkField } from './check-field.js';
import { dateOrderMessage } from './date-order.js';
import { evaluateCondition } from './evaluate-condition.js';
import { inputShape } from './input-shape.js';
import { firstPage, getPage, nextPage } from './next-page.js';

/** A journey's answers schema: takes normalised answers, outputs them checked and pruned. */
export type AnswersSchema = z.ZodType<Answers, Record<string, unknown>>;

/**
 * The zod schema for a whole journey's answers in normalised form (ISO dates, arrays for
 * checkboxes), as sent to the API and kept in the envelope. It follows the resident's route:
 * fields on pages not reached, and fields hidden by `showWhen`, are dropped; reached, visible,
 * required fields must be answered. Issue paths are the field name (and address part).
 * Normalising is idempotent, so a page schema's output always passes here.
 */
export function answersSchema(journey: JourneyDefinition, options: EngineOptions = {}): AnswersSchema {
  const fields = journey.pages.flatMap((page) => page.fields);
  return inputShape(fields, 'answer').transform((input, ctx) => {
    const answers: Answers = {};
    for (let pageId = firstPage(journey).id; pageId !== checkAnswersPage; pageId = nextPage(journey, pageId, answers)) {
      for (const field of getPage(journey, pageId).fields) {
        if (field.showWhen && !evaluateCondition(field.showWhen, answers)) continue;
        const check = checkField(field, input[field.name], 'answer', options);
        for (const issue of check.issues)
          ctx.addIssue({
            code: 'custom',
            path: [field.name, ...issue.path],
            message: issue.message,
            ...(issue.params ? { params: issue.params } : {}),
          });
        const outOfOrder = dateOrderMessage(field, check.value, answers);
        if (outOfOrder) ctx.addIssue({ code: 'custom', path: [field.name], message: outOfOrder });
        if (check.value !== undefined) answers[field.name] = check.value;
      }
    }
    return answers;
  });
}
