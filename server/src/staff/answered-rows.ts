import { answerSummary, getJourney, type Answers, type LifeEventId } from '@tuo/shared';

/**
 * The answers a resident gave, as staff read them (the staff view, a subject access export): each
 * answered question in English, its answer as lines.
 */
export function answeredRows(lifeEvent: LifeEventId, answers: Readonly<Answers>): { label: string; lines: string[] }[] {
  return answerSummary(getJourney(lifeEvent), answers)
    .filter((row) => row.lines.length > 0)
    .map((row) => ({ label: row.label, lines: [...row.lines] }));
}
