import { useForm } from 'react-hook-form';
import { getPage } from '@tuo/shared';
// The definitions as written: the server has checked them against the meta-schema.
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import type { JourneyForm } from './journey-form.js';

/**
 * A question page's form as the server renders it: react-hook-form holds the answers (or what was
 * posted) and names each box as a post is read (`form-values.ts`), and the post's errors show. The
 * page never hydrates: in the browser a small script checks it with the same shared schema before
 * it posts, and does an address's look-up and a people field's rows in place (`checks/`).
 */
export function useQuestionForm(props: QuestionProps) {
  const { lifeEvent, pageId, form: served } = props;
  const journey = journeyDefinitions[lifeEvent];
  const page = getPage(journey, pageId);
  const { register, control } = useForm<FormValues>({ defaultValues: served.values });
  const form: JourneyForm = {
    register,
    control,
    current: (name) => served.values[name],
    defaults: served.values,
    errors: served.errors,
  };
  return { journey, page, form, errors: served.errors };
}
