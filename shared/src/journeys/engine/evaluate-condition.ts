import type { Condition } from '../definition/condition-schema.js';
import type { Answers } from './answers.js';

/**
 * Whether a condition holds for the answers. `equals` compares a radios or yes-no answer,
 * `includes` looks in a checkboxes answer; an unanswered field satisfies neither.
 */
export function evaluateCondition(condition: Condition, answers: Readonly<Answers>): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, answers));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const answer = answers[condition.field];
  if ('equals' in condition) return answer === condition.equals;
  return Array.isArray(answer) && answer.some((value) => value === condition.includes);
}
