/** Socket errors meaning the database server cannot be reached (or went away mid-conversation). */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * Postgres's own refusals while it shuts down, restarts or is full: admin_shutdown, crash_shutdown,
 * cannot_connect_now, too_many_connections; class 08 is every connection exception.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres says, without a code, when a connection ends or cannot be had in time. */
const unavailableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error/,
];

/**
 * Whether an error means the database is unreachable or unavailable for now (so the caller may
 * try again later), rather than a mistake in a query or in the data.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (unreachableCodes.has(code) || unavailableStates.has(code) || code.startsWith('08'))
  ) {
    return true;
  }
  if (unavailableMessages.some((pattern) => pattern.test(error.message))) return true;
  // Connecting to a name with several addresses fails with all of their errors at once.
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) {
    return true;
  }
  return isDatabaseUnavailable(error.cause, depth + 1);
}
