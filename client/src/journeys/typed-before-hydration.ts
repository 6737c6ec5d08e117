import type { PageDefinition } from '@tuo/shared';
import { formInput, type FormValues, type PostedForm } from '@tuo/shared/pages/form-values';

/** A form's boxes as the browser would post them: repeated names become arrays, as the server reads a post. */
export function postedNow(form: HTMLFormElement): PostedForm {
  const posted: PostedForm = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    const before = posted[name];
    posted[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return posted;
}

/**
 * What the question page's form holds in the browser as the page hydrates: what the resident typed,
 * ticked or chose before it did (a question page hydrates on their first interaction, see
 * `hydrate-on-interaction.ts`), or what the browser put back in the boxes. Read as the server reads
 * a post (`formInput`), for the fields whose boxes are on the page. Undefined on the server.
 */
export function typedBeforeHydration(page: PageDefinition): FormValues | undefined {
  if (typeof document === 'undefined') return undefined;
  const form = document.querySelector('#main-content form');
  if (!(form instanceof HTMLFormElement)) return undefined;
  const shown = page.fields.filter((field) => {
    const name = CSS.escape(field.name);
    return form.querySelector(`[name="${name}"], [name^="${name}."]`) !== null;
  });
  return formInput(shown, postedNow(form));
}
