import type { CheckedPage, QuestionChecks } from './question-checks.js';
import type { AddressScript } from '../../address-lookup/address-script.js';
import { addressPress } from '../../address-lookup/address-press.js';
import { forgetUprnOnTyping } from '../../address-lookup/forget-uprn.js';
import { saveActionName } from '../../save-return/save-action.js';
import { peoplePress } from './people-press.js';
import type { PeopleRows } from './people-rows.js';

/** How long a press of Continue waits for the checks to arrive before the form posts unchecked, as without JavaScript. */
const patienceMs = 5000;

/**
 * A question page, whose parts are all the server's HTML (it never hydrates React): its form is
 * checked in the browser without React. The checks (zod, the page's shared schema and the
 * language's messages) are fetched when the resident first moves into the form, or at the latest
 * when they press Continue, which waits for them; if they cannot arrive in time, or at all, the
 * form posts and the server checks it, as without JavaScript. "Save and come back later" posts
 * unchecked. The reveals under radios and checkboxes follow the choice from the start. A page with
 * an address finder fetches the finder's script with the checks, and its buttons and list wait for
 * it the same way (`address-script.ts`); so does a page of people rows, whose "Add another person"
 * and "Remove" work in place (`people-rows.ts`).
 */
export function checkOnInteraction(area: HTMLElement, checked: CheckedPage): void {
  followReveals(area);
  forgetUprnOnTyping(area);
  let loading: Promise<QuestionChecks> | undefined;
  const checks = () =>
    (loading ??= import('./question-checks.js').then(({ questionChecks }) => questionChecks(checked)));
  let finding: Promise<AddressScript> | undefined;
  const finder = () =>
    (finding ??= Promise.all([checks(), import('../../address-lookup/address-script.js')]).then(
      ([ready, { addressScript }]) => addressScript(checked, ready),
    ));
  let listing: Promise<PeopleRows> | undefined;
  const rows = () => (listing ??= import('./people-rows.js').then(({ peopleRows }) => peopleRows(checked.lang)));
  const hasFinder = area.querySelector('.app-address-finder') !== null;
  const hasRows = area.querySelector('.tuo-add-another') !== null;
  area.addEventListener(
    'focusin',
    (event) => {
      if (!(event.target instanceof Element && event.target.closest('form'))) return;
      (hasFinder ? finder() : checks()).catch(() => undefined);
      if (hasRows) rows().catch(() => undefined);
    },
    { passive: true },
  );
  area.addEventListener('change', (event) => {
    const list = event.target;
    if (list instanceof HTMLSelectElement && list.closest('.app-address-finder'))
      finder().then(
        (script) => {
          script.choose(list);
        },
        () => undefined,
      );
  });
  let posting = false;
  // A page the browser brings back from its back-forward cache after posting is checked afresh.
  addEventListener('pageshow', (event) => {
    if (event.persisted) posting = false;
  });
  area.addEventListener('submit', (event) => {
    const form = event.target;
    if (posting || !(form instanceof HTMLFormElement)) return;
    const { submitter } = event;
    const press = addressPress(submitter);
    const people = peoplePress(submitter);
    if (!press && !people && submitter?.getAttribute('name') === saveActionName) return;
    event.preventDefault();
    // Read now: it is where Enter was pressed, if it was, and focus may move before the finder runs.
    const from = document.activeElement;
    const post = (as: HTMLElement | null) => {
      posting = true;
      // A form ignores requestSubmit while its submit event is still being dispatched, as it is
      // when the scripts this waits for have already failed: the press is posted once it is over.
      if (as)
        setTimeout(() => {
          form.requestSubmit(as);
        });
      else form.submit();
    };
    // Without the script in time, or at all, the press posts as without JavaScript: a finder's
    // or a people row's button with its own name, so the server does what it says.
    const asPressed = () => {
      if (!posting) post(press || people ? submitter : null);
    };
    const timer = setTimeout(asPressed, patienceMs);
    const continuing = (ready: QuestionChecks) => {
      if (!posting && ready.check(form)) post(null);
    };
    const list = submitter?.closest<HTMLElement>('.tuo-add-another');
    const done =
      people && list
        ? rows().then(async (script) => {
            clearTimeout(timer);
            // A row gone renumbers the rows after it: errors shown for them are checked again, in their new places.
            if (!posting && script.press(list, people) === 'removed') (await checks()).recheck(form);
          })
        : press
          ? finder().then(async (script) => {
              clearTimeout(timer);
              if (!posting && (await script.press(form, press, from)) === 'continue') continuing(await checks());
            })
          : checks().then((ready) => {
              clearTimeout(timer);
              continuing(ready);
            });
    done.catch(() => {
      clearTimeout(timer);
      asPressed();
    });
  });
}

/**
 * Shows the reveal under the chosen radio or ticked checkbox and hides the others, as GOV.UK's
 * radios and checkboxes do (the server renders each as its answer stands; without JavaScript
 * every reveal shows). Ticking an exclusive checkbox ("None of these", `data-behaviour`) clears
 * the others, and ticking another clears it (the server refuses both at once without JavaScript).
 */
function followReveals(area: HTMLElement): void {
  area.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (input.type !== 'radio' && input.type !== 'checkbox')) return;
    const hidden =
      input.type === 'radio' ? 'govuk-radios__conditional--hidden' : 'govuk-checkboxes__conditional--hidden';
    const siblings = input.form?.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(input.name)}"]`) ?? [];
    if (input.type === 'checkbox' && input.checked)
      for (const other of siblings)
        if (other !== input && (input.dataset.behaviour === 'exclusive' || other.dataset.behaviour === 'exclusive'))
          other.checked = false;
    for (const choice of siblings) {
      const controls = choice.getAttribute('aria-controls');
      const reveal = controls ? document.getElementById(controls) : null;
      reveal?.classList.toggle(hidden, !choice.checked);
    }
  });
}
