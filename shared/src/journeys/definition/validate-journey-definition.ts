import type { JourneyDefinition } from './journey-definition-schema.js';
import { journeyDefinitionSchema } from './journey-definition-schema.js';

/** Thrown when a journey definition is broken; `problems` lists every mistake found. */
export class JourneyDefinitionError extends Error {
  override readonly name = 'JourneyDefinitionError';
  /** Stable error code for logs and tests. */
  readonly code = 'JOURNEY_DEFINITION_INVALID';

  constructor(
    readonly journeyId: string,
    readonly problems: readonly string[],
  ) {
    super(`Journey "${journeyId}" is not valid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  }
}

/**
 * Parses a journey definition with the meta-schema, returning it, or throwing a
 * {@link JourneyDefinitionError} that lists every problem with where it is.
 */
export function validateJourneyDefinition(definition: unknown): JourneyDefinition {
  const result = journeyDefinitionSchema.safeParse(definition);
  if (result.success) return result.data;
  const id =
    typeof definition === 'object' && definition !== null && 'id' in definition ? String(definition.id) : 'unknown';
  const problems = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  throw new JourneyDefinitionError(id, problems);
}
