import { describe, expect, it } from 'vitest';
import { scrubUrl } from './logger.js';

describe('scrubUrl', () => {
  it('keeps the path and the names of query parameters, never their values', () => {
    expect(scrubUrl('/api/addresses?postcode=SW1A%202AA&postcode=E1')).toBe('/api/addresses?postcode=[redacted]');
    expect(scrubUrl('/api/x?a=1&b=2')).toBe('/api/x?a=[redacted]&b=[redacted]');
  });

  it('leaves a URL without a query alone', () => {
    expect(scrubUrl('/healthz')).toBe('/healthz');
  });
});

describe('loggerOptions', () => {
  it('redacts personal fields at any usual depth and drops the data Postgres quotes in its errors', async () => {
    const { Writable } = await import('node:stream');
    const { default: pino } = await import('pino');
    const { loggerOptions } = await import('./logger.js');
    let out = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = pino(loggerOptions('info'), stream);
    const pgError = Object.assign(new Error('invalid input syntax'), {
      code: '22P02',
      detail: 'Key (nhs)=(4857773456)',
      where: 'JSON data, line 1: {"lastName":"Lovelace"',
    });
    log.info(
      {
        submission: { answers: { lastName: 'Lovelace', nhsNumber: '4857773456' } },
        nhsNumber: '4857773456',
        payload: { email: 'ada@example.com' },
      },
      'logged',
    );
    log.error({ err: pgError }, 'failed');
    expect(out).not.toMatch(/4857773456|Lovelace|ada@example\.com/);
    expect(out).toContain('"code":"22P02"');
    expect(out).toContain('"type":"Error"');
  });
});
