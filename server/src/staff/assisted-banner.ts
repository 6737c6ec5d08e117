import { getJourney, type LifeEventId } from '@tuo/shared';
import { residentName, type AssistedBanner } from '@tuo/shared/pages/assisted-banner';
import type { FastifyRequest } from 'fastify';

/**
 * The adviser banner of a resident page, when a signed-in adviser is running it for a resident;
 * undefined for the resident themselves. The resident's name comes from this journey's answers in
 * the resident session (which only the journey pages have).
 */
export async function assistedBannerFor(
  request: FastifyRequest,
  lifeEvent: LifeEventId | undefined,
): Promise<AssistedBanner | undefined> {
  const origin = await request.server.submissionOrigin(request);
  if (!origin.assisted || !origin.adviser) return undefined;
  // Pages outside the journeys' scope (the start page, errors) have no resident session.
  const session = request.session as FastifyRequest['session'] | null | undefined;
  const answers = lifeEvent ? session?.get('journeys')?.[lifeEvent]?.answers : undefined;
  return {
    adviser: origin.adviser.name,
    mode: origin.assisted.mode,
    residentLanguage: request.language,
    residentName: lifeEvent && answers ? residentName(getJourney(lifeEvent), answers) : null,
  };
}
