import type { AgencyKind, LifeEventId } from '@tuo/shared';
import { londonDate, type WorkingCalendar } from './working-days.js';

/** Working days an agency has to acknowledge, and to action, a delivered notification. */
export interface Target {
  acknowledgeDays: number;
  actionDays: number;
}

/** The configured targets: a default, and overrides per agency or per agency and life event. */
export interface ServiceLevels {
  default: Target;
  overrides: readonly { agency: AgencyKind; lifeEvent?: LifeEventId; target: Target }[];
}

/** Which of the two targets. */
export type TargetKind = 'acknowledge' | 'action';

/**
 * The target for one organisation of a kind and a life event: the organisation's own (set by an
 * admin), else the most specific configured override for its kind, else the default.
 */
export function targetFor(levels: ServiceLevels, agency: string, lifeEvent: string, own?: Target): Target {
  if (own) return own;
  const exact = levels.overrides.find((o) => o.agency === agency && o.lifeEvent === lifeEvent);
  const agencyWide = levels.overrides.find((o) => o.agency === agency && o.lifeEvent === undefined);
  return (exact ?? agencyWide)?.target ?? levels.default;
}

/** The last UK day on which the agency is still within its target for a notification delivered at `deliveredAt`. */
export function deadlineDate(calendar: WorkingCalendar, deliveredAt: Date, days: number): string {
  return calendar.addWorkingDays(londonDate(deliveredAt), days);
}

/** One notification's state against its targets at `now`. */
export interface TargetState {
  kind: TargetKind;
  deadline: string;
  /** The deadline has passed and the step has not happened. */
  missed: boolean;
}

/** Where a delivered notification stands against both targets; a step done at all is never "missed" now. */
export function targetStates(
  calendar: WorkingCalendar,
  target: Target,
  delivery: { deliveredAt: Date; acknowledgedAt: Date | null; actionedAt: Date | null },
  now: Date,
): Record<TargetKind, TargetState> {
  const today = londonDate(now);
  const state = (kind: TargetKind, days: number, doneAt: Date | null): TargetState => {
    const deadline = deadlineDate(calendar, delivery.deliveredAt, days);
    return { kind, deadline, missed: doneAt === null && today > deadline };
  };
  return {
    acknowledge: state('acknowledge', target.acknowledgeDays, delivery.acknowledgedAt),
    action: state('action', target.actionDays, delivery.actionedAt),
  };
}
