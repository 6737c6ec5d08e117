import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealProtectedData } from '../../server/src/privacy/reseal-protected-data.js';
import { openSavedAnswers } from '../../server/src/saved-journeys/saved-answers.js';
import { createSavedJourney } from '../../server/src/saved-journeys/saved-journey-repository.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const k2 = `k2:${Buffer.alloc(32, 9).toString('base64')}`;
const [test1] = testConfig('postgres://x/y').protectedDataKeys.map(
  (key) => `${key.id}:${key.secret.toString('base64')}`,
);

describe('saved forms across a key rotation', () => {
  it('are re-sealed under the new key, so the old key can go without losing a form', async () => {
    const saved = { answers: { firstName: 'Mary', dateOfBirth: '1941-03-02' } };
    const id = await createSavedJourney(t.database.db, testProtectedValues(), {
      lifeEvent: 'someone-died',
      pageId: 'date-of-death',
      saved,
      expiresAt: new Date(Date.now() + 86_400_000),
      method: { kind: 'code', codeHash: 'reseal-test' },
    });
    const stored = async () =>
      JSON.stringify(
        (
          await t.database.db
            .selectFrom('saved_journeys')
            .select('answers')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).answers,
      );
    expect(await stored()).toContain('pv1.test1.');

    const rotating = testProtectedValues({ PROTECTED_DATA_KEYS: `${k2},${test1 ?? ''}` });
    expect(await resealProtectedData(t.database.db, rotating)).toEqual({ resealed: 1, unreadable: 0 });
    expect(await resealProtectedData(t.database.db, rotating)).toEqual({ resealed: 0, unreadable: 0 });
    expect(await stored()).not.toContain('pv1.test1.');
    expect(await stored()).not.toContain('1941');

    // With only the new key configured, the form still opens.
    const row = await t.database.db
      .selectFrom('saved_journeys')
      .select('answers')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(openSavedAnswers(testProtectedValues({ PROTECTED_DATA_KEYS: k2 }), 'someone-died', id, row.answers)).toEqual(
      saved,
    );
  });
});
