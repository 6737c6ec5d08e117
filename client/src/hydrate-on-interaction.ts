/** Starts hydrating a page; resolves once React handles its events, with `committed` for when it owns it. */
export type StartHydration = () => Promise<{ committed: Promise<void> }>;

/** What moves a resident into a form: any of these inside one starts hydrating the page. */
const interactions = ['focusin', 'pointerdown', 'keydown', 'input', 'change'] as const;

/**
 * How long a press of a form's button waits for the page to hydrate before the form posts as it
 * would without JavaScript (the server checks it then): on a very slow connection a round trip
 * answers sooner than the page's script would.
 */
const patienceMs = 5000;

/** A press of a submit button (or Enter in a box) made before React could handle it. */
interface Press {
  form: HTMLFormElement;
  submitter: HTMLElement | null;
}

/**
 * Hydrates a server-rendered page on the resident's first interaction with a form inside `area`
 * (focus, a press, typing), not at load: the page reads and works as HTML until then, and the
 * browser downloads React only for a resident who uses the form. What they type meanwhile stays
 * in the boxes (React keeps a box's value when it hydrates; the question page reads its form's
 * values from them, see `typed-before-hydration.ts`), and focus stays where it is. A submit before
 * React handles events is held and replayed once it does, so the browser's checks (the GOV.UK
 * error summary without a round trip) apply from the first press; if the page cannot hydrate in
 * time, or at all, the form posts as it would without JavaScript.
 *
 * Call it after any focus the page moves at load (to its heading, say), so that is not taken for
 * the resident's.
 */
export function hydrateOnInteraction(area: HTMLElement, start: StartHydration): void {
  let started: Promise<void> | undefined;
  let reactHandles = false;
  let postingAsHtml = false;
  let held: Press | undefined;

  const hydrate = (): Promise<void> =>
    (started ??= start().then(({ committed }) => {
      reactHandles = true;
      return committed;
    }));
  const onInteraction = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('form')) hydrate().catch(() => undefined);
  };
  for (const type of interactions) area.addEventListener(type, onInteraction, { capture: true, passive: true });

  /** The held press, pressed again: through React once it owns the page, as plain HTML otherwise. */
  const release = (press: Press, through: 'react' | 'html') => {
    if (held !== press) return;
    held = undefined;
    if (through === 'react') {
      // A click, not a bare submit, so a button's own handler (add a person, find an address) runs.
      if (press.submitter) press.submitter.click();
      else press.form.requestSubmit();
      return;
    }
    postingAsHtml = true;
    press.form.requestSubmit(press.submitter);
  };
  area.addEventListener(
    'submit',
    (event) => {
      if (reactHandles || postingAsHtml || !(event.target instanceof HTMLFormElement)) return;
      event.preventDefault();
      const press: Press = { form: event.target, submitter: event.submitter };
      held = press;
      const timer = setTimeout(() => {
        release(press, 'html');
      }, patienceMs);
      hydrate().then(
        () => {
          clearTimeout(timer);
          // After the commit's own updates (the form reading what was typed) have rendered.
          setTimeout(() => {
            release(press, 'react');
          });
        },
        () => {
          clearTimeout(timer);
          release(press, 'html');
        },
      );
    },
    { capture: true },
  );
}
