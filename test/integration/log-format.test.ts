import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface LogLine {
  level: number;
  msg: string;
  req?: { url: string };
}

function lines(app: TestApp): LogLine[] {
  return app
    .logs()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

// pino's levels: 20 debug, 30 info.
describe('request logs by LOG_FORMAT', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('json (log collectors): each request at info level', async () => {
    const t = await createTestApp({ database, env: { LOG_FORMAT: 'json', LOG_LEVEL: 'info' } });
    await t.app.inject({ url: '/healthz' });
    await t.close();
    expect(
      lines(t)
        .filter((line) => line.msg === 'request completed')
        .map((line) => line.level),
    ).toEqual([30]);
  });

  it('pretty (a terminal): no line per request at info level, one at debug', async () => {
    const quiet = await createTestApp({ database, env: { LOG_FORMAT: 'pretty', LOG_LEVEL: 'info' } });
    await quiet.app.inject({ url: '/healthz' });
    await quiet.close();
    expect(lines(quiet).filter((line) => line.req)).toEqual([]);

    const debug = await createTestApp({ database, env: { LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' } });
    await debug.app.inject({ url: '/healthz?postcode=SW1A1AA' });
    await debug.close();
    const requests = lines(debug).filter((line) => line.req);
    expect(requests.map((line) => [line.level, line.msg, line.req?.url])).toEqual([
      [20, 'request completed', '/healthz?postcode=[redacted]'],
    ]);
  });
});
