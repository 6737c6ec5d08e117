import { postcodeMessage, type Answers, type FieldError, type PageDefinition } from '@tuo/shared';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import { addressLookupMessagesFor } from '@tuo/shared/pages/address-lookup-messages';
import { inputName, type FormValues, type PostedForm } from '@tuo/shared/pages/form-values';
import type { FastifyRequest } from 'fastify';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import { confirmUprn } from '../../address-lookup/confirm-uprn.js';
import { findAddresses } from '../../address-lookup/find-addresses.js';
import type { LookUpLimit } from '../../address-lookup/look-up-limit.js';

/** The page again, after "Find address" or "Use this address": what to show in its boxes and the look-up. */
export interface AddressActionView {
  values: FormValues;
  errors: FieldError[];
  addressLookup: Record<string, AddressLookupState>;
  /** Set when this client has looked up too many postcodes this minute (the same limit as the API's). */
  retryAfterSeconds?: number;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * The address look-up without JavaScript: "Find address" (`_action=find-address:{field}`) looks up
 * the postcode typed in `{field}.postcode` (the address's one postcode box) and lists what it finds; "Use this address"
 * (`_action=choose-address:{field}`) fills the address boxes from `{field}.choice`, UPRN included,
 * for the resident to check and continue. Undefined when the post is not one of these. Both count
 * against the client's look-up limit, shared with `GET /api/address-lookup`.
 */
export async function addressAction(
  using: { lookup: AddressLookup; limit: LookUpLimit; request: FastifyRequest },
  page: PageDefinition,
  posted: PostedForm,
  values: FormValues,
): Promise<AddressActionView | undefined> {
  const match = /^(find|choose)-address:(\w+)$/.exec(first(posted._action));
  const field = page.fields.find((candidate) => candidate.kind === 'address' && candidate.name === match?.[2]);
  if (!match || !field) return undefined;
  const typed = first(posted[inputName(field, 'postcode')]);
  // "Find address" is the form's first button, so Enter in a box of a typed address presses it. The
  // resident meant Continue with no postcode to find and an address typed, or with a whole address
  // typed (line 1 and town) while no list was on the page to choose from.
  const typedParts = ['line1', 'line2', 'town'].filter((part) => first(posted[inputName(field, part)]).trim() !== '');
  const listShown = posted[inputName(field, 'choice')] !== undefined;
  const meantContinue =
    typed.trim() === ''
      ? typedParts.length > 0
      : typedParts.includes('line1') && typedParts.includes('town') && !listShown;
  if (match[1] === 'find' && meantContinue) return undefined;
  // An adviser filling in the page for a resident reads the messages worded for them.
  const origin = await using.request.server.submissionOrigin(using.request);
  const addressLookupMessages = addressLookupMessagesFor(origin.assisted ? 'adviser' : 'resident');
  const limited = await using.limit(using.request);
  if (!limited.allowed)
    return {
      values,
      errors: [{ field: inputName(field, 'postcode'), message: addressLookupMessages.tooManyLookups }],
      addressLookup: {},
      retryAfterSeconds: limited.retryAfterSeconds,
    };
  const state = await findAddresses(using.lookup, typed, using.request.log);
  const view = (errors: FieldError[], overrides: Partial<AddressActionView> = {}): AddressActionView => ({
    values,
    errors,
    addressLookup: { [field.name]: state },
    ...overrides,
  });
  if (state.outcome === 'invalid')
    return view([
      {
        field: inputName(field, 'postcode'),
        message: typed.trim() === '' ? addressLookupMessages.postcodeMissing : postcodeMessage,
      },
    ]);
  if (match[1] === 'find') return view([]);
  const uprn = first(posted[inputName(field, 'choice')]);
  const chosen = state.addresses.find((address) => address.uprn === uprn);
  if (!chosen)
    return view(
      state.outcome === 'found'
        ? [
            {
              field: inputName(field, 'choice'),
              message: addressLookupMessages.chooseAddress,
            },
          ]
        : [],
    );
  return view([], {
    values: {
      ...values,
      [field.name]: {
        line1: chosen.line1,
        line2: chosen.line2 ?? '',
        town: chosen.town,
        postcode: chosen.postcode,
        uprn: chosen.uprn,
      },
    },
    addressLookup: { [field.name]: { ...state, chosen: uprn } },
  });
}

/** A page's answers with each address's UPRN kept only when the look-up confirms it (see {@link confirmUprn}). */
export async function confirmPageUprns(
  lookup: AddressLookup,
  page: PageDefinition,
  answers: Answers,
): Promise<Answers> {
  const confirmed: Answers = { ...answers };
  for (const field of page.fields) {
    const answer = answers[field.name];
    if (field.kind === 'address' && typeof answer === 'object' && !Array.isArray(answer))
      confirmed[field.name] = await confirmUprn(lookup, answer);
  }
  return confirmed;
}

/**
 * A Continue posted with an address chosen from the list but its boxes left empty (the resident
 * chose, then pressed Continue, without "Use this address"): the chosen address fills the boxes,
 * UPRN included, as "Use this address" would have. Choosing is enough. The look-up counts against
 * the client's limit as that button's would; over it, the boxes stay empty and say so.
 */
export async function withChosenAddresses(
  using: { lookup: AddressLookup; limit: LookUpLimit; request: FastifyRequest },
  page: PageDefinition,
  posted: PostedForm,
): Promise<PostedForm> {
  const filled: PostedForm = { ...posted };
  for (const field of page.fields) {
    if (field.kind !== 'address') continue;
    const choice = first(posted[inputName(field, 'choice')]);
    // The postcode box is the look-up's too, so it is filled whenever an address was found.
    const typed = ['line1', 'line2', 'town'].some((part) => first(posted[inputName(field, part)]).trim() !== '');
    if (choice === '' || typed) continue;
    if (!(await using.limit(using.request)).allowed) continue;
    const state = await findAddresses(using.lookup, first(posted[inputName(field, 'postcode')]), using.request.log);
    const chosen = state.addresses.find((address) => address.uprn === choice);
    if (!chosen) continue;
    filled[inputName(field, 'line1')] = chosen.line1;
    filled[inputName(field, 'line2')] = chosen.line2 ?? '';
    filled[inputName(field, 'town')] = chosen.town;
    filled[inputName(field, 'postcode')] = chosen.postcode;
    filled[inputName(field, 'uprn')] = chosen.uprn;
  }
  return filled;
}
