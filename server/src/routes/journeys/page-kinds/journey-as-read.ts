import { adviserJourney, getJourney, type JourneyDefinition, type LifeEventId } from '@tuo/shared';
import type { FastifyRequest } from 'fastify';

/**
 * The journey as the person posting reads it: an adviser running an assisted transaction gets its
 * adviser wording, so a page's error messages speak to them about the resident ("Enter the
 * resident's full name"); the resident gets their own. Names, values and rules are the same.
 */
export async function journeyAsRead(request: FastifyRequest, lifeEvent: LifeEventId): Promise<JourneyDefinition> {
  const journey = getJourney(lifeEvent);
  const origin = await request.server.submissionOrigin(request);
  return origin.assisted ? adviserJourney(journey) : journey;
}
