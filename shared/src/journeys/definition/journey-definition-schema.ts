import { z } from 'zod';
import { agencyKinds } from '../../agencies/agency-kinds.js';
import { journeyProblems } from './journey-problems.js';
import { pageDefinitionSchema } from './page-definition-schema.js';
import { routingRuleSchema } from './routing-rule-schema.js';

/**
 * The meta-schema of a life-event journey: its pages in order (the first is the start) and, per
 * agency, a routing rule. An agency with no rule is never told about this life event. Beyond the
 * shape it checks every cross-reference (see `journeyProblems`), so a broken definition fails at
 * module load with a message naming the page, field or agency at fault.
 */
export const journeyDefinitionSchema = z
  .strictObject({
    /** Stable kebab-case life event id, used in URLs, the API and payloads. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Journey ids must be kebab-case' }),
    /** Shown on the start page and in lists, e.g. "Someone has died". */
    title: z.string().min(1),
    /** One or two plain-English sentences on what this journey does. */
    summary: z.string().min(1),
    pages: z.array(pageDefinitionSchema).min(1),
    routing: z.partialRecord(z.enum(agencyKinds), routingRuleSchema),
  })
  .superRefine((journey, ctx) => {
    for (const problem of journeyProblems(journey))
      ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
  });

/** A life-event journey definition, as validated by {@link journeyDefinitionSchema}. */
export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;
