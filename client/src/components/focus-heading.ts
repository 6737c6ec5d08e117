/**
 * On a page reached from another page of the service, moves focus to the h1, so screen reader
 * users hear where they are and the next Tab goes into the page's content rather than back
 * through the header. Not on arrival from elsewhere (the skip link comes first then), and not
 * on a page with an error summary, which takes focus itself (govuk-frontend's script, at load).
 */
export function focusHeadingAfterNavigation(): void {
  const fromThisService = document.referrer !== '' && new URL(document.referrer).origin === window.location.origin;
  if (!fromThisService || document.activeElement !== document.body) return;
  if (document.querySelector('.govuk-error-summary')) return;
  const heading = document.querySelector('main h1');
  if (!(heading instanceof HTMLElement)) return;
  // Focusable by script only, and with no outline: it is a heading, not a control.
  heading.tabIndex = -1;
  heading.classList.add('app-focus-target');
  heading.focus();
}
