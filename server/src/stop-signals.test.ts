import { afterEach, describe, expect, it } from 'vitest';
import { listenForStopSignals, repeatWindowMs } from './stop-signals.js';

describe('stop signals', () => {
  let stopListening: (() => void) | undefined;
  afterEach(() => {
    stopListening?.();
  });

  function listen() {
    let clock = 1_000;
    const seen: string[] = [];
    stopListening = listenForStopSignals({
      onStop: (signal) => seen.push(`stop ${signal}`),
      onForce: (signal) => seen.push(`force ${signal}`),
      now: () => clock,
    });
    return {
      seen,
      at: (ms: number) => {
        clock = 1_000 + ms;
      },
    };
  }

  it('takes the same signal relayed again within the window as the one request to stop', () => {
    const { seen, at } = listen();
    process.emit('SIGTERM', 'SIGTERM');
    at(5);
    process.emit('SIGTERM', 'SIGTERM');
    at(repeatWindowMs);
    process.emit('SIGTERM', 'SIGTERM');
    expect(seen).toEqual(['stop SIGTERM']);
  });

  it('takes the same signal later, or another signal, as a demand to stop at once', () => {
    const later = listen();
    process.emit('SIGINT', 'SIGINT');
    later.at(repeatWindowMs + 1);
    process.emit('SIGINT', 'SIGINT');
    expect(later.seen).toEqual(['stop SIGINT', 'force SIGINT']);
    stopListening?.();

    const other = listen();
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGTERM', 'SIGTERM');
    expect(other.seen).toEqual(['stop SIGINT', 'force SIGTERM']);
  });
});
