import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSessionStore } from '../../server/src/plugins/session-store.js';
import { testProtectedValues } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let store: PostgresSessionStore;
type Session = Parameters<PostgresSessionStore['set']>[1];
beforeAll(async () => {
  database = await createTestDatabase();
  store = new PostgresSessionStore(database.db, 60_000, testProtectedValues());
});
afterAll(async () => {
  await database.drop();
});

const session = (expires: Date, journeys: unknown = {}) =>
  ({ cookie: { originalMaxAge: 60_000, expires }, journeys }) as unknown as Session;
const get = (sid: string) => promisify(store.get.bind(store))(sid);
const set = (sid: string, value: Session) => promisify(store.set.bind(store))(sid, value);
const destroy = (sid: string) => promisify(store.destroy.bind(store))(sid);

describe('Postgres session store', () => {
  it('keeps, replaces and forgets a session', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    await set('a', session(inAnHour, { 'someone-died': { answers: { firstName: 'Ann' } } }));
    await set('a', session(inAnHour, { 'someone-died': { answers: { firstName: 'Bea' } } }));
    expect(await get('a')).toMatchObject({ journeys: { 'someone-died': { answers: { firstName: 'Bea' } } } });
    await destroy('a');
    expect(await get('a')).toBeNull();
  });

  it('reads an expired session as none, and deletes expired rows in bulk', async () => {
    await set('old', session(new Date(Date.now() - 1000)));
    await set('new', session(new Date(Date.now() + 3_600_000)));
    expect(await get('old')).toBeNull();
    expect(await store.deleteExpired()).toBe(1);
    const left = await database.db.selectFrom('sessions').select('sid').execute();
    expect(left.map((row) => row.sid)).toEqual(['new']);
  });

  it('keeps the protected identifiers of a journey in progress sealed, bound to the session', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    const answers = {
      firstName: 'Ann',
      dateOfBirth: '1941-03-27',
      nhsNumber: '9434765919',
      nationalInsuranceNumber: 'AB123456C',
    };
    await set('sealed', session(inAnHour, { 'someone-died': { answers, idempotencyKey: 'k' } }));
    const row = await database.db
      .selectFrom('sessions')
      .select('data')
      .where('sid', '=', 'sealed')
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row.data);
    for (const value of ['1941-03-27', '9434765919', 'AB123456C']) expect(stored).not.toContain(value);
    expect(stored).toContain('Ann');
    expect(await get('sealed')).toMatchObject({ journeys: { 'someone-died': { answers } } });
    // A sealed journey copied into another session does not open there: that session starts afresh.
    await database.db
      .insertInto('sessions')
      .values({ sid: 'copy', data: JSON.stringify(row.data), expires_at: inAnHour })
      .execute();
    expect(await get('copy')).toBeNull();
  });
});
