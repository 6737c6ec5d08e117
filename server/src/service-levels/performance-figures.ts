import { agencyKinds, lifeEventIds, type AgencyKind, type LifeEventId } from '@tuo/shared';
import {
  suppressionThreshold,
  type NotificationFigures,
  type PerformanceFigures,
  type StepFigures,
  type SubmissionFigures,
} from '@tuo/shared/api/performance';
import { targetFor, targetStates, type ServiceLevels, type TargetKind } from './targets.js';
import { londonDate, type WorkingCalendar } from './working-days.js';

/** One delivered notification, as the figures need it: no reference, no person. */
export interface NotificationRow {
  agency: string;
  lifeEvent: string;
  deliveredAt: Date;
  acknowledgedAt: Date | null;
  actionedAt: Date | null;
}

/** Reports made, counted by life event and channel. */
export interface SubmissionGroup {
  lifeEvent: string;
  channel: string;
  submissions: number;
  /** Agencies told, added up over the reports. */
  agenciesTold: number;
  /** Agencies told beyond the first, added up: contacts the resident did not have to make. */
  contactsSaved: number;
}

interface Judged {
  agency: string;
  lifeEvent: string;
  /** Per step: working days taken (null while not done), and whether it is judged and within target. */
  steps: Record<TargetKind, { days: number | null; judged: boolean; within: boolean }>;
}

/** The figure at percentile `p` (0 to 1] by nearest rank: always a value that occurred, in whole working days. */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const shown = (value: number) => (value < suppressionThreshold ? null : value);

function judge(calendar: WorkingCalendar, levels: ServiceLevels, now: Date, row: NotificationRow): Judged {
  const target = targetFor(levels, row.agency, row.lifeEvent);
  const states = targetStates(calendar, target, row, now);
  const delivered = londonDate(row.deliveredAt);
  const step = (kind: TargetKind, doneAt: Date | null) => {
    const days = doneAt ? calendar.workingDaysBetween(delivered, londonDate(doneAt)) : null;
    const judged = days !== null || states[kind].missed;
    return {
      days,
      judged,
      within: days !== null && days <= (kind === 'acknowledge' ? target.acknowledgeDays : target.actionDays),
    };
  };
  return {
    agency: row.agency,
    lifeEvent: row.lifeEvent,
    steps: { acknowledge: step('acknowledge', row.acknowledgedAt), action: step('action', row.actionedAt) },
  };
}

function stepFigures(rows: readonly Judged[], kind: TargetKind): StepFigures {
  const days = rows
    .flatMap((row) => (row.steps[kind].days === null ? [] : [row.steps[kind].days]))
    .sort((a, b) => a - b);
  const judged = rows.filter((row) => row.steps[kind].judged);
  const within = judged.filter((row) => row.steps[kind].within).length;
  const enoughDone = days.length >= suppressionThreshold;
  const enoughJudged = judged.length >= suppressionThreshold;
  return {
    done: shown(days.length),
    medianWorkingDays: enoughDone ? (nearestRank(days, 0.5) ?? null) : null,
    p90WorkingDays: enoughDone ? (nearestRank(days, 0.9) ?? null) : null,
    judged: shown(judged.length),
    withinTargetShare: enoughJudged ? round(within / judged.length, 3) : null,
  };
}

function submissionFigures(lifeEvent: LifeEventId | 'all', groups: readonly SubmissionGroup[]): SubmissionFigures {
  const total = (pick: (g: SubmissionGroup) => number) => groups.reduce((sum, group) => sum + pick(group), 0);
  const submissions = total((g) => g.submissions);
  const enough = submissions >= suppressionThreshold;
  return {
    lifeEvent,
    submissions: shown(submissions),
    assistedShare: enough ? round(total((g) => (g.channel === 'assisted' ? g.submissions : 0)) / submissions, 3) : null,
    agenciesPerSubmission: enough ? round(total((g) => g.agenciesTold) / submissions, 2) : null,
    contactsSaved: enough ? shown(total((g) => g.contactsSaved)) : null,
  };
}

/**
 * The published figures: per agency and life event (and every life event together), notifications
 * sent and the working days taken to acknowledge and to action them (median, 90th percentile, share
 * within target); per life event, reports made, the share made with an adviser and contacts saved.
 * Any count below {@link suppressionThreshold} is withheld (null), and so is every figure worked out
 * from it, so no one can be picked out of a small number.
 */
export function performanceFigures(
  input: { notifications: readonly NotificationRow[]; submissions: readonly SubmissionGroup[]; from: Date; to: Date },
  deps: { serviceLevels: ServiceLevels; calendar: WorkingCalendar; now: Date },
): PerformanceFigures {
  const judged = input.notifications.map((row) => judge(deps.calendar, deps.serviceLevels, deps.now, row));
  const lifeEvents: (LifeEventId | 'all')[] = [...lifeEventIds, 'all'];
  const notifications: NotificationFigures[] = agencyKinds.flatMap((agency: AgencyKind) =>
    lifeEvents.map((lifeEvent) => {
      const rows = judged.filter(
        (row) => row.agency === agency && (lifeEvent === 'all' || row.lifeEvent === lifeEvent),
      );
      return {
        agency,
        lifeEvent,
        sent: shown(rows.length),
        acknowledge: stepFigures(rows, 'acknowledge'),
        action: stepFigures(rows, 'action'),
      };
    }),
  );
  const submissions = lifeEvents.map((lifeEvent) =>
    submissionFigures(
      lifeEvent,
      input.submissions.filter((group) => lifeEvent === 'all' || group.lifeEvent === lifeEvent),
    ),
  );
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    suppressionThreshold,
    notifications,
    submissions,
  };
}
