import type { Resolver } from 'react-hook-form';
import type { FormValues } from '@tuo/shared/pages/form-values';

/** Lets every answer through: the server checks them, as it does without JavaScript. */
const serverChecks: Resolver<FormValues> = (values) => Promise.resolve({ values, errors: {} });

/**
 * A resolver whose code is fetched the first time it is needed: `preload` when the resident first
 * reaches the form, or at the latest when they submit it. The page shows and can be read without
 * the validators (zod and the field rules, a third of a question page's script). If they cannot be
 * fetched, the form posts unchecked and the server's errors show, as they would without JavaScript.
 */
export function lazyResolver(load: () => Promise<Resolver<FormValues>>): {
  resolver: Resolver<FormValues>;
  preload: () => void;
} {
  let loading: Promise<Resolver<FormValues>> | undefined;
  const ready = () => (loading ??= load().catch(() => serverChecks));
  return {
    resolver: async (values, context, options) => (await ready())(values, context, options),
    preload: () => {
      void ready();
    },
  };
}
