/** The boxes of a typed address, the postcode among them: `<field>.line1` and so on. */
const typedBox = /^(\w+)\.(?:line1|line2|town|postcode)$/;

/**
 * Typing in an address's boxes empties its hidden UPRN: the UPRN names the property chosen from
 * the list, and typing over the address means it no longer does (the server would drop it anyway,
 * see `confirm-uprn.ts`, but the answer kept meanwhile should not claim it). From the page's load,
 * not with the finder's script, so nothing typed before that arrives is missed.
 */
export function forgetUprnOnTyping(area: HTMLElement): void {
  area.addEventListener(
    'input',
    (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement)) return;
      const field = typedBox.exec(box.name)?.[1];
      const uprn = field ? box.form?.querySelector(`input[type="hidden"][name="${field}.uprn"]`) : null;
      if (uprn instanceof HTMLInputElement) uprn.value = '';
    },
    { passive: true },
  );
}
