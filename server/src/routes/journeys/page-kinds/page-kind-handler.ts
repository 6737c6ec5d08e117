import type { LifeEventId, PageKind, PageOfKind } from '@tuo/shared';
import type { PostedForm } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JourneyState } from '../journey-session.js';

/**
 * One visit to a journey page the route has already found, on the resident's route and not yet
 * sent: what a page kind's handler is given.
 */
export interface PageVisit<Kind extends PageKind> {
  request: FastifyRequest;
  reply: FastifyReply;
  lifeEvent: LifeEventId;
  page: PageOfKind<Kind>;
  state: JourneyState;
  /** Reached from "Check your answers" (`?change=1`): going on returns there. */
  change: boolean;
}

/**
 * How one page kind is shown and answered, as DEFRA's forms engine picks a page controller by
 * name. `/{lifeEvent}/{pagePath}` finds the page, checks it is on the resident's route, then hands
 * the visit to the handler of the page's `kind` (see `pageKindHandlers`).
 */
export interface PageKindHandler<Kind extends PageKind> {
  /** GET: the page with the answers kept so far. */
  show(visit: PageVisit<Kind>): Promise<FastifyReply>;
  /**
   * POST: keeps valid answers and redirects (303) to the next page, or shows the page again with
   * its errors (400). Never keeps part of a page that failed.
   */
  submit(visit: PageVisit<Kind>, posted: PostedForm): Promise<FastifyReply>;
}
