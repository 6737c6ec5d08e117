import { applyPageAnswers, maxPeople, pageSchema, toFieldErrors, type FieldError } from '@tuo/shared';
import {
  addPersonAction,
  answersToFormValues,
  blankPerson,
  formInput,
  removedRow,
  type PersonRowValue,
  type PostedForm,
} from '@tuo/shared/pages/form-values';
import { saveJourney, type JourneyState } from '../journey-session.js';
import type { PageKindHandler, PageVisit } from './page-kind-handler.js';
import { goOn } from './page-navigation.js';
import { journeyAsRead } from './journey-as-read.js';
import { questionPageProps } from './question-page-props.js';

type Visit = PageVisit<'add-another'>;

function fieldName(visit: Visit): string {
  return visit.page.fields[0]?.name ?? '';
}

/** The rows to show: those typed so far (kept while adding and removing), else the answer, else one blank row. */
function shownRows(visit: Visit): PersonRowValue[] {
  const name = fieldName(visit);
  const draft = visit.state.drafts?.[name];
  const answered = answersToFormValues(visit.page.fields, visit.state.answers)[name];
  const rows = draft ?? (Array.isArray(answered) ? answered.filter((row) => typeof row === 'object') : []);
  return rows.length > 0 ? rows : [blankPerson()];
}

function withDraft(state: JourneyState, name: string, rows: PersonRowValue[] | undefined): JourneyState {
  const { [name]: _dropped, ...others } = state.drafts ?? {};
  const drafts = rows ? { ...others, [name]: rows } : others;
  const { drafts: _old, ...rest } = state;
  return Object.keys(drafts).length > 0 ? { ...rest, drafts } : rest;
}

function render(visit: Visit, rows: PersonRowValue[], errors: FieldError[]) {
  return visit.reply.page({ page: 'question', props: questionPageProps(visit, { [fieldName(visit)]: rows }, errors) });
}

/** The rows after an "Add another person" or "Remove" press, or undefined for any other button. */
function afterAction(action: string | undefined, rows: PersonRowValue[]): PersonRowValue[] | undefined {
  if (action === addPersonAction) return rows.length < maxPeople ? [...rows, blankPerson()] : rows;
  const removed = removedRow(action);
  if (removed !== undefined && removed < rows.length) {
    const kept = rows.filter((_row, index) => index !== removed);
    return kept.length > 0 ? kept : [blankPerson()];
  }
  return undefined;
}

/**
 * The `add-another` page kind: a list of people, one row each. Without JavaScript, "Add another
 * person" and "Remove" post the page, which comes back with a row more or less; the rows typed
 * so far wait in the session (sealed) until Continue checks them all, and a row in error shows
 * its errors with every row as typed.
 */
export function addAnotherPageHandler(): PageKindHandler<'add-another'> {
  return {
    show: async (visit) => render(visit, shownRows(visit), []),

    async submit(visit, body: PostedForm) {
      const { request, reply, lifeEvent, page, state, change } = visit;
      const journey = await journeyAsRead(request, lifeEvent);
      const name = fieldName(visit);
      const values = formInput(page.fields, body);
      const posted = values[name];
      const rows = Array.isArray(posted) ? posted.filter((row) => typeof row === 'object') : [];
      const action = typeof body._action === 'string' ? body._action : undefined;
      const changed = afterAction(action, rows);
      if (changed) {
        saveJourney(request, lifeEvent, withDraft(state, name, changed));
        return render(visit, changed, []);
      }
      const result = pageSchema(journey, page.id, state.answers).safeParse(values);
      if (action === 'save') {
        // As on a form page: the list is kept as an answer only when every row is valid as it stands.
        saveJourney(
          request,
          lifeEvent,
          result.success
            ? withDraft(
                { ...state, answers: applyPageAnswers(journey, page.id, state.answers, result.data) },
                name,
                undefined,
              )
            : withDraft(state, name, rows),
        );
        return reply.redirect(`/${lifeEvent}/save?from=${encodeURIComponent(page.path)}`, 303);
      }
      if (!result.success) {
        saveJourney(request, lifeEvent, withDraft(state, name, rows));
        reply.code(400);
        return render(visit, rows.length > 0 ? rows : [blankPerson()], toFieldErrors(result.error.issues));
      }
      const answers = applyPageAnswers(journey, page.id, state.answers, result.data);
      saveJourney(request, lifeEvent, withDraft({ ...state, answers }, name, undefined));
      return goOn(reply, lifeEvent, page, answers, change);
    },
  };
}
