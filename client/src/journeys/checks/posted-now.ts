import type { PostedForm } from '@tuo/shared/pages/form-values';

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
