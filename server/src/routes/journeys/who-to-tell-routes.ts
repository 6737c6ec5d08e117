import {
  agencyKinds,
  chosenOrganisations,
  consentOptions,
  createSubmissionRequestSchema,
  getJourney,
  isLifeEventId,
  routedFields,
  toFieldErrors,
  type AgencyKind,
  type LifeEventId,
} from '@tuo/shared';
import { adviserConsentMessage } from '@tuo/shared/api/consent-messages';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import { organisationsForConsent } from '../../organisations/organisations-for-consent.js';
import { journeyCouncils } from './confirmed-councils.js';
import { csrfToken } from './csrf.js';
import { loadJourney, saveJourney, type JourneyState } from './journey-session.js';
import { firstIncompletePage, stepPath } from './journey-progress.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string() });

/**
 * Ticked agencies: only those the resident ticked before. Consent is opt-in (UK GDPR: a pre-ticked
 * box is not consent), so nothing starts ticked, not even an agency that has become relevant since.
 */
function ticked(state: JourneyState, relevant: readonly AgencyKind[]): AgencyKind[] {
  const chosen = state.consent?.chosen ?? [];
  return relevant.filter((agency) => chosen.includes(agency));
}

/**
 * Choosing who to tell: nothing ticked until the resident ticks it; "Tell all of them" (a second
 * submit button, so it needs no JavaScript) chooses every one; required ones are always told.
 */
export const whoToTellRoutes: FastifyPluginAsyncZod<{ addressLookup: AddressLookup }> = async (
  app,
  { addressLookup },
) => {
  // An address whose council the look-up cannot say is confirmed by the resident before they choose.
  const unplacedAddress = async (lifeEvent: LifeEventId, state: JourneyState) => {
    const relevant = consentOptions(getJourney(lifeEvent), state.answers).some((o) => o.agency === 'council');
    return relevant ? (await journeyCouncils(app.db, addressLookup, lifeEvent, state)).unknown[0] : undefined;
  };
  const render = async (
    lifeEvent: LifeEventId,
    state: JourneyState,
    chosen: readonly AgencyKind[],
    errors: ReturnType<typeof toFieldErrors>,
    token: string,
  ) => {
    const journey = getJourney(lifeEvent);
    const relevant = consentOptions(journey, state.answers);
    const councils = await journeyCouncils(app.db, addressLookup, lifeEvent, state);
    // Who each would be told through, by name: after a move between councils, both of them.
    const told = await organisationsForConsent(
      app.db,
      journey,
      relevant.map((option) => option.agency),
      {
        // Picked in the answers or found from the address: one disabled since leaves it to the fallback.
        picked: { ...chosenOrganisations(journey, state.answers), ...councils.choices.chosen },
        ...(councils.choices.left ? { left: councils.choices.left } : {}),
      },
    );
    // The kind's own team is named on the page by what it does, never by its directory name.
    const namedAs = (organisation: { name: string }, fallback: boolean) =>
      fallback ? { organisationFallback: true as const } : { organisationName: organisation.name };
    // The same fields consentOptions names: the agency's routed fields the resident has answered.
    const answered = (fields: readonly string[]) => fields.filter((name) => Object.hasOwn(state.answers, name));
    const options = relevant.map((option) => {
      const organisations = told.filter((t) => t.agency === option.agency);
      const parts = organisations.flatMap(({ role, organisation, fallback }) =>
        role
          ? [
              {
                role,
                ...namedAs(organisation, fallback),
                fields: answered(routedFields(journey, option.agency, role)),
              },
            ]
          : [],
      );
      const only = organisations[0] && parts.length === 0 ? organisations[0] : undefined;
      return {
        ...option,
        fields: answered(routedFields(journey, option.agency)),
        ...(only ? namedAs(only.organisation, only.fallback) : {}),
        ...(parts.length > 0 ? { parts } : {}),
      };
    });
    return {
      page: 'who-to-tell' as const,
      props: {
        lifeEvent,
        options,
        backHref: stepPath.checkAnswers(lifeEvent),
        form: {
          action: stepPath.whoToTell(lifeEvent),
          csrfToken: token,
          values: { consent: options.filter((o) => !o.required && chosen.includes(o.agency)).map((o) => o.agency) },
          errors,
        },
      },
    };
  };

  app.get('/:lifeEvent/who-to-tell', { schema: { hide: true, params } }, async (request, reply) => {
    const { lifeEvent } = request.params;
    if (!isLifeEventId(lifeEvent)) {
      reply.callNotFound();
      return reply;
    }
    const state = loadJourney(request, lifeEvent);
    if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
    const incomplete = firstIncompletePage(lifeEvent, state.answers);
    if (incomplete) return reply.redirect(incomplete, 303);
    const unplaced = await unplacedAddress(lifeEvent, state);
    if (unplaced) return reply.redirect(stepPath.whichCouncil(lifeEvent, unplaced), 303);
    const relevant = consentOptions(getJourney(lifeEvent), state.answers).map((option) => option.agency);
    return reply.page(await render(lifeEvent, state, ticked(state, relevant), [], csrfToken(request)));
  });

  app.post(
    '/:lifeEvent/who-to-tell',
    { schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const { lifeEvent } = request.params;
      if (!isLifeEventId(lifeEvent)) {
        reply.callNotFound();
        return reply;
      }
      const state = loadJourney(request, lifeEvent);
      if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
      const incomplete = firstIncompletePage(lifeEvent, state.answers);
      if (incomplete) return reply.redirect(incomplete, 303);
      const unplaced = await unplacedAddress(lifeEvent, state);
      if (unplaced) return reply.redirect(stepPath.whichCouncil(lifeEvent, unplaced), 303);
      const options = consentOptions(getJourney(lifeEvent), state.answers);
      const tellAll = request.body.tellAll === 'all';
      const posted = [request.body.consent ?? []].flat();
      // Required agencies have no box: they are always told.
      const chosen = agencyKinds.filter((agency) =>
        options.some((o) => o.agency === agency && (o.required || tellAll || posted.includes(agency))),
      );
      // The API's own rules decide whether this consent is acceptable, so the two can never disagree.
      const check = createSubmissionRequestSchema.safeParse({ lifeEvent, answers: state.answers, consent: chosen });
      // An adviser choosing with the resident is told about the resident's answers, not "your answers".
      const adviser = (await app.submissionOrigin(request)).assisted !== undefined;
      const errors = check.success
        ? []
        : toFieldErrors(
            check.error.issues
              .filter((issue) => issue.path[0] === 'consent')
              .map((issue) => (adviser ? { ...issue, message: adviserConsentMessage(issue) } : issue)),
          ).map((e) => ({ ...e, field: 'consent' }));
      if (errors.length > 0)
        return reply.code(400).page(await render(lifeEvent, state, chosen, errors, csrfToken(request)));
      saveJourney(request, lifeEvent, { ...state, consent: { offered: options.map((o) => o.agency), chosen } });
      return reply.redirect(stepPath.declaration(lifeEvent), 303);
    },
  );
};
