import { applyPageAnswers, getPage, pageSchema, toFieldErrors, type FieldError, requiredMessage } from '@tuo/shared';
import { answersToFormValues, formInput, type FormValues, type PostedForm } from '@tuo/shared/pages/form-values';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import type { AddressLookup } from '../../../address-lookup/address-lookup.js';
import type { LookUpLimit } from '../../../address-lookup/look-up-limit.js';
import { addressAction, confirmPageUprns, withChosenAddresses } from '../address-actions.js';
import { organisationSearchErrors, organisationSearchStates, unknownChoices } from '../organisation-actions.js';
import { saveJourney } from '../journey-session.js';
import { goOn } from './page-navigation.js';
import { journeyAsRead } from './journey-as-read.js';
import { questionPageProps } from './question-page-props.js';
import type { PageKindHandler, PageVisit } from './page-kind-handler.js';

/** What a form page needs beyond the visit: the address look-up its address fields use. */
export interface FormPageServices {
  addressLookup: AddressLookup;
  lookUpLimit: LookUpLimit;
}

interface Shown {
  values: FormValues;
  errors: FieldError[];
  addressLookup?: Record<string, AddressLookupState>;
  /** The post this page answers, for its organisation searches. */
  posted?: PostedForm;
}

async function render(
  visit: PageVisit<'form'>,
  { values, errors, addressLookup, posted }: Shown,
  postcodeExample?: string,
) {
  const { request, reply, page } = visit;
  const organisationSearch = await organisationSearchStates(request.server.db, page, values, posted);
  return reply.page({
    page: 'question',
    props: {
      ...questionPageProps(visit, values, errors),
      ...(addressLookup ? { addressLookup } : {}),
      ...(postcodeExample && page.fields.some((field) => field.kind === 'address') ? { postcodeExample } : {}),
      ...(organisationSearch ? { organisationSearch } : {}),
    },
  });
}

/** The `form` page kind: its fields, posted back as an HTML form and checked by the page's shared schema. */
export function formPageHandler(services: FormPageServices): PageKindHandler<'form'> {
  // The postcode hint's example: one the look-up in use really finds (see AddressLookup.examplePostcodes).
  const postcodeExample = services.addressLookup.examplePostcodes[0];
  return {
    show: async (visit) =>
      render(
        visit,
        { values: answersToFormValues(visit.page.fields, visit.state.answers), errors: [] },
        postcodeExample,
      ),

    async submit(visit, body) {
      const { request, reply, lifeEvent, page, state, change } = visit;
      const journey = await journeyAsRead(request, lifeEvent);
      const lookup = { lookup: services.addressLookup, limit: services.lookUpLimit, request };
      // Without JavaScript, an address chosen from the list then Continue is enough (no "Use this address").
      const posted = body._action === undefined ? await withChosenAddresses(lookup, page, body) : body;
      const values = formInput(page.fields, posted);
      const result = pageSchema(journey, page.id, state.answers).safeParse(values);
      if (body._action === 'save') {
        // "Save and come back later" keeps this page's answers only when they are valid as they stand.
        if (result.success)
          saveJourney(request, lifeEvent, {
            ...state,
            answers: applyPageAnswers(journey, page.id, state.answers, result.data),
          });
        return reply.redirect(`/${lifeEvent}/save?from=${encodeURIComponent(page.path)}`, 303);
      }
      const looked = await addressAction(lookup, page, body, values);
      const searched = organisationSearchErrors(page, body);
      if (searched) {
        if (searched.length > 0) reply.code(400);
        return render(visit, { values, errors: searched, posted: body }, postcodeExample);
      }
      if (looked) {
        if (looked.retryAfterSeconds !== undefined)
          reply.code(429).header('retry-after', String(looked.retryAfterSeconds));
        else if (looked.errors.length > 0) reply.code(400);
        return render(visit, looked, postcodeExample);
      }
      const unknown = result.success
        ? await unknownChoices(
            request.server.db,
            { ...page, fields: getPage(journey, page.id).fields },
            values,
            requiredMessage,
          )
        : [];
      if (!result.success || unknown.length > 0) {
        reply.code(400);
        return render(
          visit,
          { values, errors: result.success ? unknown : toFieldErrors(result.error.issues), posted: body },
          postcodeExample,
        );
      }
      const answers = applyPageAnswers(
        journey,
        page.id,
        state.answers,
        await confirmPageUprns(services.addressLookup, page, result.data),
      );
      saveJourney(request, lifeEvent, { ...state, answers });
      return goOn(reply, lifeEvent, page, answers, change);
    },
  };
}
