// govuk-frontend ships no type declarations; we declare only what we use.
declare module 'govuk-frontend' {
  /** A govuk-frontend component class, found in the page by its `data-module`. */
  export interface ComponentClass {
    readonly moduleName: string;
  }
  /** Initialises every govuk-frontend component found in the page. */
  export function initAll(config?: Record<string, unknown>): void;
  /** Initialises every instance of one component found in the page. */
  export function createAll(component: ComponentClass): unknown[];
  export const Button: ComponentClass;
  export const Checkboxes: ComponentClass;
  export const NotificationBanner: ComponentClass;
  export const Radios: ComponentClass;
  export const ServiceNavigation: ComponentClass;
  export const SkipLink: ComponentClass;
}
