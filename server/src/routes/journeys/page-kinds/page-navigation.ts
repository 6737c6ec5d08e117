import {
  answersSchema,
  getJourney,
  nextPage,
  pagePath,
  reachablePages,
  type Answers,
  type LifeEventId,
  type PageDefinition,
} from '@tuo/shared';
import type { FastifyReply } from 'fastify';
import { stepPath } from '../journey-progress.js';

/** The page before this one on the resident's route (or the summary, when changing an answer). */
export function backHref(
  lifeEvent: LifeEventId,
  page: PageDefinition,
  answers: Readonly<Answers>,
  change: boolean,
): string {
  if (change) return stepPath.checkAnswers(lifeEvent);
  const route = reachablePages(getJourney(lifeEvent), answers);
  const previous = route[route.findIndex((candidate) => candidate.id === page.id) - 1];
  return previous ? pagePath(lifeEvent, previous.id) : '/start';
}

/** Where a page answered with these answers goes: the next page, or back to the summary after a change. */
export function goOn(
  reply: FastifyReply,
  lifeEvent: LifeEventId,
  page: PageDefinition,
  answers: Readonly<Answers>,
  change: boolean,
): FastifyReply {
  const journey = getJourney(lifeEvent);
  const next = nextPage(journey, page.id, answers);
  // After a change, go back to the summary unless the new answer opened questions not yet answered.
  if (next === 'check-answers' || (change && answersSchema(journey).safeParse(answers).success)) {
    return reply.redirect(stepPath.checkAnswers(lifeEvent), 303);
  }
  return reply.redirect(`${pagePath(lifeEvent, next)}${change ? '?change=1' : ''}`, 303);
}
