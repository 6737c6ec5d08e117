import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { lifeEventIdSchema } from '../journeys/catalogue.js';
import { channelSchema } from '../submission/channel.js';

/** Counts below this are shown as "fewer than 10", and figures worked out from them are left out. */
export const suppressionThreshold = 10;

/** The periods the public page offers, counted back from now. */
export const performancePeriods = ['30d', '90d', '12m'] as const;

/** One of {@link performancePeriods}. */
export type PerformancePeriod = (typeof performancePeriods)[number];

/** Days in each period. */
export const periodDays: Readonly<Record<PerformancePeriod, number>> = { '30d': 30, '90d': 90, '12m': 365 };

/** A life event, or every life event together. */
export const lifeEventOrAllSchema = z.union([lifeEventIdSchema, z.literal('all')]);

/** `GET /api/performance` query. */
export const performanceQuerySchema = z.object({
  period: z.enum(performancePeriods).default('30d').meta({ description: 'The last 30 days, 90 days or 12 months' }),
});

const count = z
  .number()
  .int()
  .min(suppressionThreshold)
  .nullable()
  .meta({ description: 'null when fewer than 10 (suppressed)' });
const dependent = z
  .number()
  .nullable()
  .meta({ description: 'null when the count it is worked out from is fewer than 10' });

/** Time taken for one step (acknowledge or action), in working days (England and Wales). */
export const stepFiguresSchema = z.strictObject({
  /** Notifications that have had the step: what the median and 90th percentile are over. */
  done: count,
  medianWorkingDays: dependent,
  p90WorkingDays: dependent,
  /** Notifications done, or still not done after their target: what the share within target is over. */
  judged: count,
  withinTargetShare: dependent.meta({ description: 'Share (0 to 1) done within target; null when suppressed' }),
});

/** Figures for one step. */
export type StepFigures = z.infer<typeof stepFiguresSchema>;

/** One agency's notifications for one life event (or all together). */
export const notificationFiguresSchema = z.strictObject({
  agency: agencyKindSchema,
  lifeEvent: lifeEventOrAllSchema,
  sent: count.meta({ description: 'Notifications delivered in the period; null when fewer than 10' }),
  acknowledge: stepFiguresSchema,
  action: stepFiguresSchema,
});

/** One agency's row. */
export type NotificationFigures = z.infer<typeof notificationFiguresSchema>;

/** One organisation's notifications for one life event (or all together), with its kind's. */
export const organisationFiguresSchema = notificationFiguresSchema.extend({
  organisation: z.strictObject({
    id: z.uuid(),
    name: z.string(),
    code: z.string().nullable().meta({ description: 'Its official code: GSS, NHS ODS or RSH number' }),
  }),
});

/** One organisation's row. */
export type OrganisationFigures = z.infer<typeof organisationFiguresSchema>;

/** Reports made for one life event (or all together). */
export const submissionFiguresSchema = z.strictObject({
  lifeEvent: lifeEventOrAllSchema,
  submissions: count,
  assistedShare: dependent.meta({ description: 'Share (0 to 1) made with a customer-centre adviser' }),
  agenciesPerSubmission: dependent.meta({
    description: 'Agencies told per report, on average: the separate contacts one report replaced',
  }),
  contactsSaved: count.meta({
    description: 'Contacts a resident did not have to make: agencies told beyond the first, added up',
  }),
});

/** One life event's row. */
export type SubmissionFigures = z.infer<typeof submissionFiguresSchema>;

/** `GET /api/performance` response: aggregated figures only, never a person. */
export const performanceFiguresSchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    suppressionThreshold: z.literal(suppressionThreshold),
    notifications: z.array(notificationFiguresSchema),
    /** The same per organisation, by kind and then name: only organisations told in the period. */
    organisations: z.array(organisationFiguresSchema),
    submissions: z.array(submissionFiguresSchema),
  })
  .meta({ id: 'PerformanceFigures' });

/** The figures for a period. */
export type PerformanceFigures = z.infer<typeof performanceFiguresSchema>;

/** The staff console's finer filters: any dates, and one agency, life event or channel. */
export const staffPerformanceQuerySchema = z
  .strictObject({
    from: z.iso.date({ error: 'Enter a real start date, like 2026-01-31' }),
    to: z.iso.date({ error: 'Enter a real end date, like 2026-03-31' }),
    agency: agencyKindSchema.optional(),
    lifeEvent: lifeEventIdSchema.optional(),
    channel: channelSchema.optional(),
  })
  .refine((query) => query.from <= query.to, {
    error: 'The end date must be the same as or after the start date',
    path: ['to'],
  });

/** The staff console's filters. */
export type StaffPerformanceQuery = z.infer<typeof staffPerformanceQuerySchema>;
