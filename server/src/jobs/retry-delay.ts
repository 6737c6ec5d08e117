/** How long to wait before retrying a delivery. */
export interface RetryPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * Exponential backoff with jitter: about base × 2^(attempt−1), drawn between half and all of it
 * so retries from many deliveries do not arrive together; never less than the agency's Retry-After,
 * never more than the cap.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(policy.retryMaxMs, Math.max(jittered, retryAfterMs ?? 0)));
}
