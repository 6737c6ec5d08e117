import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { pageSchema, type Answers, type JourneyDefinition } from '@tuo/shared';
import { adviserJourney } from '@tuo/shared/journeys/engine/field-wording';
import type { Reader } from '../i18n/reader.js';
import type { FormValue, FormValues } from '@tuo/shared/pages/form-values';

/** react-hook-form says "nothing chosen" with null or false; an HTML form post just leaves the name out. */
function asPosted(values: FormValues): Record<string, unknown> {
  const posted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values) as [string, FormValue | null | boolean][]) {
    if (value !== null && typeof value !== 'boolean') posted[name] = value;
  }
  return posted;
}

/**
 * The page's shared schema as react-hook-form's resolver, fed what the browser would post, so
 * browser and server agree on every message. Its own chunk (with zod and the field rules), fetched
 * when the resident first needs it: see `lazyResolver`. An adviser gets the adviser's messages, as from the server.
 */
export function sharedSchemaResolver(
  journey: JourneyDefinition,
  pageId: string,
  answersSoFar: Answers,
  today: string,
  reader: Reader = 'resident',
): Resolver<FormValues> {
  const worded = reader === 'adviser' ? adviserJourney(journey) : journey;
  const resolve = zodResolver(pageSchema(worded, pageId, answersSoFar, { today }));
  return async (values, context, options) => {
    const result = await resolve(asPosted(values), context, options as Parameters<typeof resolve>[2]);
    return Object.keys(result.errors).length > 0
      ? { values: {}, errors: result.errors as FieldErrors<FormValues> }
      : { values, errors: {} };
  };
}
