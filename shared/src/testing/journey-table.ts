import { describe, expect, it } from 'vitest';
import type { JourneyDefinition } from '../journeys/definition/journey-definition-schema.js';
import type { Answers } from '../journeys/engine/answers.js';
import { nextPage } from '../journeys/engine/next-page.js';
import { applyPageAnswers, pageSchema } from '../journeys/engine/page-schema.js';

/** One row of a journey table: a page, what an empty post says, and where a valid post leads. */
export interface JourneyStep {
  readonly page: string;
  /** The first error message when the page is posted empty; `undefined` if it may be empty. */
  readonly empty: string | undefined;
  /** A valid form post for the page. */
  readonly post: Record<string, unknown>;
  readonly next: string;
}

/** The fixed "today" journey tables run on. */
export const tableToday = '2025-06-15';

/**
 * Runs a journey table (DEFRA-style: page, empty answer → error, valid answer → next page) in
 * order, carrying answers forward as the server would. Test code only: it uses vitest.
 */
export function describeJourneyTable(journey: JourneyDefinition, steps: readonly JourneyStep[]): void {
  describe(`${journey.id} journey table`, () => {
    let answers: Answers = {};
    for (const step of steps) {
      it(`${step.page}: empty → ${step.empty ?? 'no error'}; valid → ${step.next}`, () => {
        const schema = pageSchema(journey, step.page, answers, { today: tableToday });
        const empty = schema.safeParse({});
        expect(empty.error?.issues[0]?.message).toBe(step.empty);
        const valid = schema.safeParse(step.post);
        expect(valid.error?.issues ?? []).toEqual([]);
        answers = applyPageAnswers(journey, step.page, answers, valid.data ?? {});
        expect(nextPage(journey, step.page, answers)).toBe(step.next);
      });
    }
  });
}
