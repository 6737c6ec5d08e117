import { z } from 'zod';
import { conditionSchema } from './condition-schema.js';

/** What one of two organisations of the kind is told, and why (see `split`). */
export const routingPartSchema = z.strictObject({
  /** The address field whose organisation this part goes to (the council for that home). */
  address: z.string().min(1),
  /** The only fields this organisation receives. */
  fields: z.array(z.string().min(1)).min(1),
  /** Shown to the resident before they agree, naming what this organisation does with it. */
  purpose: z.string().min(1).max(300),
});

/** What one of two organisations of the kind is told, and why. */
export type RoutingPart = z.infer<typeof routingPartSchema>;

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
  /**
   * When two addresses in the answers can lie in two organisations' areas (a move between
   * councils): the organisation of `leaving.address` gets `leaving` (role `leaving`), that of
   * `joining.address` gets `joining` (role `joining`). When both are one organisation's, or only one
   * is known, it alone is told, with the rule's own `fields` and `purpose`.
   */
  split: z.strictObject({ leaving: routingPartSchema, joining: routingPartSchema }).optional(),
});

/** Whether, what and why an agency is told about one life event. */
export type RoutingRule = z.infer<typeof routingRuleSchema>;
