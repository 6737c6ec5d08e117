// govuk-frontend ships no type declarations; we use only its initialiser.
declare module 'govuk-frontend' {
  /** Initialises every govuk-frontend component found in the page. */
  export function initAll(config?: Record<string, unknown>): void;
}
