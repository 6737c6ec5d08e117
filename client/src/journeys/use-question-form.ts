import { useEffect, useRef, useState, useSyncExternalStore, type SubmitEvent } from 'react';
import { get, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { getPage, type FieldDefinition, type FieldError, type PageDefinition } from '@tuo/shared';
import { personPartFields } from '@tuo/shared/journeys/engine/people-field';
// The definitions as written: the server has checked them against the meta-schema, and checking them
// again on a phone is most of what a question page used to cost before it could respond.
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import { fieldParts, type FormValues } from '@tuo/shared/pages/form-values';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import type { JourneyForm } from './journey-form.js';
import { lazyResolver } from './lazy-resolver.js';
import { typedBeforeHydration } from './typed-before-hydration.js';
import { saveActionName } from '../save-return/save-action.js';
import { useReader } from '../i18n/reader.js';

const noSubscription = () => () => undefined;
const inBrowser = () => true;
const onServer = () => false;

/** The error paths of a field, in the order its boxes are on the page. */
function errorPaths(field: FieldDefinition, errors: FieldErrors<FormValues>): string[] {
  if (field.kind === 'address') return (fieldParts.address ?? []).map((part) => `${field.name}.${part}`);
  if (field.kind !== 'people') return [field.name];
  const rows: unknown = get(errors, field.name);
  const count = Array.isArray(rows) ? rows.length : 0;
  return [
    field.name,
    ...Array.from({ length: count }, (_row, index) =>
      personPartFields.map((part) => `${field.name}.${String(index)}.${part.name}`),
    ).flat(),
  ];
}

/** react-hook-form's errors as the error summary lists them: in page order, address parts by part, people by row. */
function inPageOrder(page: PageDefinition, errors: FieldErrors<FormValues>): FieldError[] {
  const paths = page.fields.flatMap((field) => errorPaths(field, errors));
  return paths.flatMap((path) => {
    const message: unknown = get(errors, `${path}.message`);
    return typeof message === 'string' ? [{ field: path, message }] : [];
  });
}

/**
 * A question page's form in the browser: react-hook-form with the page's shared zod schema, fetched
 * when the resident first moves into the form or, at the latest, submits it. A failed submit shows the
 * errors at once and focuses the summary; a valid one posts the real form, so the server stays the
 * one place answers are kept.
 */
export function useQuestionForm(props: QuestionProps) {
  const { lifeEvent, pageId, answersSoFar, today, form: served } = props;
  const journey = journeyDefinitions[lifeEvent];
  const page = getPage(journey, pageId);
  const reader = useReader();
  // A page's props never change while it is mounted (the app keys it by page), so one resolver serves.
  const [{ resolver, preload }] = useState(() =>
    lazyResolver(() =>
      import('./question-validation.js').then(({ sharedSchemaResolver }) =>
        sharedSchemaResolver(journey, pageId, answersSoFar, today, reader),
      ),
    ),
  );
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = formRef.current;
    // The page hydrates when the resident first moves into its form, so usually they are in it already.
    if (element?.contains(document.activeElement)) {
      preload();
      return;
    }
    element?.addEventListener('focusin', preload, { once: true });
    return () => element?.removeEventListener('focusin', preload);
  }, [preload]);
  // The error summary served with the page took focus at load (govuk-frontend's script); hydrating
  // later must not take it back from the box the resident is in. Only a failed submit here moves it.
  const [focusKey, setFocusKey] = useState(0);
  // What the boxes hold as the page hydrates (typed before it did) is the form's starting point, so
  // registering a box never puts the server's value back over the resident's.
  const [typed] = useState(() => typedBeforeHydration(page));
  const { register, setValue, control, handleSubmit, formState } = useForm<FormValues>({
    defaultValues: { ...served.values, ...typed },
    resolver,
    shouldFocusError: false,
    reValidateMode: 'onChange',
  });
  const watched = useWatch({ control }) as FormValues;
  // Hydration renders the server's HTML exactly (a character count, a reveal); the render after it
  // shows what the boxes really hold.
  const hydrated = useSyncExternalStore(noSubscription, inBrowser, onServer);
  const values = hydrated ? watched : served.values;
  // Until the browser has checked the form, the server's errors (from a post without JavaScript) stand.
  const errors = formState.isSubmitted ? inPageOrder(page, formState.errors) : served.errors;
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    // "Save and come back later" posts the page as it stands, checked or not: the server keeps what is valid.
    if (event.nativeEvent.submitter?.getAttribute('name') === saveActionName) return;
    void handleSubmit(
      () => formRef.current?.submit(),
      () => {
        setFocusKey((key) => key + 1);
      },
    )(event);
  };
  const form: JourneyForm = {
    register,
    setValue,
    control,
    current: (name) => values[name],
    defaults: served.values,
    errors,
  };
  return { journey, page, form, formRef, onSubmit, focusKey, errors };
}
