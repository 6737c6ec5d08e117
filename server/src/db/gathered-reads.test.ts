import { describe, expect, it } from 'vitest';
import { gatheredReads, gatheredReadsOf } from './gathered-reads.js';

/** A read that answers each lookup with its square, noting what each call was given. */
function squares() {
  const calls: number[][] = [];
  const lookup = gatheredReads(async (numbers: readonly number[]) => {
    calls.push([...numbers]);
    await Promise.resolve();
    return numbers.map((n) => n * n);
  });
  return { calls, lookup };
}

describe('gathered reads', () => {
  it('answers the lookups of one turn with one read, each with its own result', async () => {
    const { calls, lookup } = squares();
    await expect(Promise.all([lookup(2), lookup(3), lookup(4)])).resolves.toEqual([4, 9, 16]);
    expect(calls).toEqual([[2, 3, 4]]);
  });

  it('reads again for a lookup made after the read went', async () => {
    const { calls, lookup } = squares();
    await expect(lookup(5)).resolves.toBe(25);
    await expect(lookup(6)).resolves.toBe(36);
    expect(calls).toEqual([[5], [6]]);
  });

  it('splits a turn of many lookups into reads of at most 200', async () => {
    const { calls, lookup } = squares();
    const results = await Promise.all(Array.from({ length: 450 }, (_, n) => lookup(n)));
    expect(results[449]).toBe(449 * 449);
    expect(calls.map((call) => call.length)).toEqual([200, 200, 50]);
  });

  it('fails every lookup of a read that fails, and the next turn reads afresh', async () => {
    let fail = true;
    const lookup = gatheredReads(async (keys: readonly string[]) => {
      await Promise.resolve();
      if (fail) throw new Error('the database is not there');
      return keys.map((key) => key.toUpperCase());
    });
    const failed = await Promise.allSettled([lookup('a'), lookup('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(lookup('c')).resolves.toBe('C');
  });

  it('refuses a lookup the read left unanswered rather than answer it with nothing', async () => {
    const lookup = gatheredReads(async (keys: readonly string[]) => {
      await Promise.resolve();
      return keys.slice(1);
    });
    const [first, second] = await Promise.allSettled([lookup('a'), lookup('b')]);
    expect(first).toEqual({ status: 'fulfilled', value: 'b' });
    expect(second.status).toBe('rejected');
  });

  it('keeps one reader per database handle, so lookups through one handle share a read and two handles never do', async () => {
    const calls: string[] = [];
    const readerOf = gatheredReadsOf(async (db: { name: string }, keys: readonly string[]) => {
      calls.push(`${db.name}:${keys.join(',')}`);
      await Promise.resolve();
      return keys.map((key) => `${db.name}/${key}`);
    });
    const [one, two] = [{ name: 'one' }, { name: 'two' }];
    expect(readerOf(one)).toBe(readerOf(one));
    await expect(Promise.all([readerOf(one)('a'), readerOf(two)('b'), readerOf(one)('c')])).resolves.toEqual([
      'one/a',
      'two/b',
      'one/c',
    ]);
    expect(calls.sort()).toEqual(['one:a,c', 'two:b']);
  });
});
