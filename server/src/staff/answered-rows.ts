import {
  answerSummary,
  chosenOrganisations,
  getJourney,
  labelInJourney,
  type Answers,
  type LifeEventId,
} from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { organisationNames } from '../organisations/search-organisations.js';

/**
 * The answers a resident gave, as staff read them (the staff view, a subject access export): each
 * answered question in English, labelled as an officer reads it ("Name of the person reporting",
 * not "Your full name"), its answer as lines. An answer to a question the journey no longer asks
 * (moving home's free-text `otherPeopleMoving`, before people were listed one by one) follows,
 * by its name, so nothing a resident gave goes unseen. An organisation picked from the directory
 * (their GP practice, their landlord) is shown by its name in `names`, not by its id.
 */
export function answeredRows(
  lifeEvent: LifeEventId,
  answers: Readonly<Answers>,
  names: ReadonlyMap<string, string> = new Map(),
): { label: string; lines: string[] }[] {
  const journey = getJourney(lifeEvent);
  const fields = new Map(journey.pages.flatMap((page) => page.fields.map((field) => [field.name, field] as const)));
  const asked = new Set(fields.keys());
  const retired = Object.entries(answers)
    .filter(([name]) => !asked.has(name))
    .map(([name, value]) => ({
      label: name,
      lines: typeof value === 'string' ? value.split('\n') : [JSON.stringify(value)],
    }));
  return [
    ...answerSummary(journey, answers)
      .filter((row) => row.lines.length > 0)
      .map((row) => ({
        label: labelInJourney(journey, row.fieldName, 'officer'),
        lines:
          fields.get(row.fieldName)?.kind === 'organisation'
            ? row.lines.map((line) => names.get(line) ?? line)
            : [...row.lines],
      })),
    ...retired,
  ];
}

/** The directory's names of the organisations picked in the answers, for {@link answeredRows}. */
export async function answeredOrganisationNames(
  db: Kysely<Database>,
  lifeEvent: LifeEventId,
  answers: Readonly<Answers>,
): Promise<Map<string, string>> {
  return organisationNames(db, Object.values(chosenOrganisations(getJourney(lifeEvent), answers)));
}
