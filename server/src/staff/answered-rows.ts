import { answerSummary, getJourney, labelInJourney, type Answers, type LifeEventId } from '@tuo/shared';

/**
 * The answers a resident gave, as staff read them (the staff view, a subject access export): each
 * answered question in English, labelled as an officer reads it ("Name of the person reporting",
 * not "Your full name"), its answer as lines. An answer to a question the journey no longer asks
 * (moving home's free-text `otherPeopleMoving`, before people were listed one by one) follows,
 * by its name, so nothing a resident gave goes unseen.
 */
export function answeredRows(lifeEvent: LifeEventId, answers: Readonly<Answers>): { label: string; lines: string[] }[] {
  const journey = getJourney(lifeEvent);
  const asked = new Set(journey.pages.flatMap((page) => page.fields.map((field) => field.name)));
  const retired = Object.entries(answers)
    .filter(([name]) => !asked.has(name))
    .map(([name, value]) => ({
      label: name,
      lines: typeof value === 'string' ? value.split('\n') : [JSON.stringify(value)],
    }));
  return [
    ...answerSummary(journey, answers)
      .filter((row) => row.lines.length > 0)
      .map((row) => ({ label: labelInJourney(journey, row.fieldName, 'officer'), lines: [...row.lines] })),
    ...retired,
  ];
}
