import { z } from 'zod';
import { conditionSchema } from './condition-schema.js';

/** Whether, what and why an agency is told about one life event. */
export const routingRuleSchema = z.strictObject({
  /** `'always'`, or a condition on the answers (housing only for social tenants, say). */
  relevantWhen: z.union([z.literal('always'), conditionSchema]),
  /** The only fields this agency ever receives. */
  fields: z.array(z.string().min(1)).min(1),
  /** Shown to the resident before they agree, e.g. "So the council can stop sending council tax bills". */
  purpose: z.string().min(1).max(300),
  /** True when the resident cannot leave this agency out: the life event means nothing without it. */
  required: z.boolean().optional(),
  /**
   * The agency's name in this journey, where its general name would not fit: after a death,
   * "Their GP and the NHS", not "Your GP and the NHS" (which speaks to the person who died).
   */
  agencyName: z.string().min(1).max(100).optional(),
});

/** Whether, what and why an agency is told about one life event. */
export type RoutingRule = z.infer<typeof routingRuleSchema>;
