import type { DeliveryOutcome, Transport } from '../adapters/agency-adapter.js';
import { retryDelayMs, type RetryPolicy } from './retry-delay.js';

/** What an attempt's outcome means for the delivery: its new status, what to record, and any next attempt. */
export interface DeliveryDecision {
  status: 'delivered' | 'queued' | 'failed';
  /** The reason kept on the delivery (null once delivered). */
  error: string | null;
  /** A line for the delivery's history, in words staff and residents can read. */
  detail: string;
  /** When to try again, if at all. */
  nextAttemptAt: Date | null;
}

/** Decides what follows an attempt. Pure, so every branch is easy to test. */
export function decideDelivery(
  outcome: DeliveryOutcome,
  attempt: number,
  context: {
    policy: RetryPolicy & { maxAttempts: number };
    transport: Transport['kind'];
    finished: Date;
    random?: () => number;
  },
): DeliveryDecision {
  if (outcome.kind === 'delivered') {
    const detail =
      context.transport === 'inbox'
        ? 'Waiting in the agency inbox'
        : `Accepted by the agency (${String(outcome.statusCode ?? '')})`;
    return { status: 'delivered', error: null, detail, nextAttemptAt: null };
  }
  // Waiting for the agency's next scheduled file, whose run delivers it: no attempt to schedule here.
  if (outcome.kind === 'held') return { status: 'queued', error: null, detail: outcome.detail, nextAttemptAt: null };
  if (outcome.kind === 'failed')
    return { status: 'failed', error: outcome.error, detail: outcome.error, nextAttemptAt: null };
  if (attempt >= context.policy.maxAttempts) {
    const error = `${outcome.error}; gave up after ${attempt} attempts`;
    return { status: 'failed', error, detail: error, nextAttemptAt: null };
  }
  const wait = retryDelayMs(attempt, context.policy, outcome.retryAfterMs, context.random);
  return {
    status: 'queued',
    error: outcome.error,
    detail: `${outcome.error}; will try again`,
    nextAttemptAt: new Date(context.finished.getTime() + wait),
  };
}
