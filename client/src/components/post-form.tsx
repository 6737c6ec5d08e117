import type { ReactNode, Ref, SubmitEventHandler } from 'react';
import type { FormProps } from '@tuo/shared/pages/page-model';

/** A form that posts to the server with its anti-forgery token; `noValidate` so our messages, not the browser's, show. */
export function PostForm({
  form,
  children,
  onSubmit,
  formRef,
}: {
  form: FormProps;
  children: ReactNode;
  onSubmit?: SubmitEventHandler<HTMLFormElement>;
  formRef?: Ref<HTMLFormElement>;
}) {
  return (
    <form method="post" action={form.action} noValidate onSubmit={onSubmit} ref={formRef}>
      <input type="hidden" name="_csrf" value={form.csrfToken} />
      {children}
    </form>
  );
}

/**
 * The primary button. With `preventDoubleClick`, govuk-frontend ignores a second press within a
 * second: only for sending, since every other post is safe to repeat and the debounce would also
 * swallow a quick Continue after fixing an error found in the browser.
 */
export function SubmitButton({
  children,
  preventDoubleClick = false,
}: {
  children: ReactNode;
  preventDoubleClick?: boolean;
}) {
  return (
    <button
      type="submit"
      className="govuk-button"
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
    >
      {children}
    </button>
  );
}
