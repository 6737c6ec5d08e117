// govuk-frontend ships no type declarations; we declare only what we use.
declare module 'govuk-frontend' {
  /** A govuk-frontend component class, found in the page by its `data-module`. */
  export interface ComponentClass {
    new (root: Element, config?: object): unknown;
    readonly moduleName: string;
  }
}

// Each component from its own module, so a page fetches only the components it has.
declare module 'govuk-frontend/dist/govuk/components/button/button.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const Button: ComponentClass;
}
declare module 'govuk-frontend/dist/govuk/components/character-count/character-count.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const CharacterCount: ComponentClass;
}
declare module 'govuk-frontend/dist/govuk/components/checkboxes/checkboxes.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const Checkboxes: ComponentClass;
}
declare module 'govuk-frontend/dist/govuk/components/error-summary/error-summary.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const ErrorSummary: ComponentClass;
}
declare module 'govuk-frontend/dist/govuk/components/notification-banner/notification-banner.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const NotificationBanner: ComponentClass;
}
declare module 'govuk-frontend/dist/govuk/components/radios/radios.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const Radios: ComponentClass;
}
declare module 'govuk-frontend/dist/govuk/components/skip-link/skip-link.mjs' {
  import type { ComponentClass } from 'govuk-frontend';
  export const SkipLink: ComponentClass;
}
