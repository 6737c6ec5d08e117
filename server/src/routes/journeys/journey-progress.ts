import { answersSchema, catalogue, pagePath, type Answers, type LifeEventId } from '@tuo/shared';

/**
 * Where a resident with incomplete answers should go: the page of the first question the whole
 * journey's schema finds missing or wrong, or undefined when the answers are complete.
 */
export function firstIncompletePage(lifeEvent: LifeEventId, answers: Readonly<Answers>): string | undefined {
  const journey = catalogue[lifeEvent];
  const result = answersSchema(journey).safeParse(answers);
  if (result.success) return undefined;
  const field = String(result.error.issues[0]?.path[0] ?? '');
  const page = journey.pages.find((candidate) => candidate.fields.some((f) => f.name === field)) ?? journey.pages[0];
  return page ? pagePath(lifeEvent, page.id) : `/${lifeEvent}`;
}

/** Where each fixed step of a journey lives. */
export const stepPath = {
  checkAnswers: (lifeEvent: LifeEventId) => `/${lifeEvent}/check-answers`,
  whoToTell: (lifeEvent: LifeEventId) => `/${lifeEvent}/who-to-tell`,
  /** Confirming the council of an address (by its field) the look-up could not place. */
  whichCouncil: (lifeEvent: LifeEventId, field: string) => `/${lifeEvent}/which-council/${field}`,
  declaration: (lifeEvent: LifeEventId) => `/${lifeEvent}/declaration`,
  confirmation: (lifeEvent: LifeEventId) => `/${lifeEvent}/confirmation`,
};
