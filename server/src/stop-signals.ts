/** The signals that ask a process to stop: Ctrl-C, a supervisor's stop, a closed terminal. */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Within this long of the first, the same signal again is the same request, relayed. */
export const repeatWindowMs = 2_000;

/**
 * Listens for stop signals. Under `npm start` one Ctrl-C or SIGTERM to the process group reaches
 * the app up to three times (from the terminal or supervisor, then relayed by npm and by tsx), so
 * the same signal again within `repeatWindowMs` of the first is ignored, not taken for an
 * impatient second request. Any other signal, or the same one later, is: it calls `onForce`.
 */
export function listenForStopSignals(handlers: {
  onStop: (signal: NodeJS.Signals) => void;
  onForce: (signal: NodeJS.Signals) => void;
  now?: () => number;
}): () => void {
  const now = handlers.now ?? Date.now;
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  const listener = (signal: NodeJS.Signals) => {
    if (!first) {
      first = { signal, at: now() };
      handlers.onStop(signal);
    } else if (signal !== first.signal || now() - first.at > repeatWindowMs) {
      handlers.onForce(signal);
    }
  };
  for (const signal of stopSignals) process.on(signal, listener);
  return () => {
    for (const signal of stopSignals) process.removeListener(signal, listener);
  };
}
