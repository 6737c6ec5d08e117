import { answerSummary, getJourney, labelInJourney, type Answers, type LifeEventId } from '@tuo/shared';

/**
 * The answers a resident gave, as staff read them (the staff view, a subject access export): each
 * answered question in English, labelled as an officer reads it ("Name of the person reporting",
 * not "Your full name"), its answer as lines.
 */
export function answeredRows(lifeEvent: LifeEventId, answers: Readonly<Answers>): { label: string; lines: string[] }[] {
  return answerSummary(getJourney(lifeEvent), answers)
    .filter((row) => row.lines.length > 0)
    .map((row) => ({ label: labelInJourney(getJourney(lifeEvent), row.fieldName, 'officer'), lines: [...row.lines] }));
}
