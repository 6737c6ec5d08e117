import type { AgencyKind, LifeEventId } from '@tuo/shared';
import type { TargetKind } from '@tuo/shared/api/chase-requests';
import type { Channel } from '@tuo/shared/submission/channel';
import type { ColumnType } from 'kysely';

/** A `date` column: written as `YYYY-MM-DD`, read by pg as a Date at local midnight (select it with to_char). */
type DateColumn = ColumnType<Date, string, string>;

/**
 * The performance figures' counts per UK day (migrations 2026-12-02-0900 and 2026-12-03-0600; kept
 * by service-levels/figures-by-day.ts). Counts and times only: no personal data.
 */
export interface FiguresTables {
  /** A delivery's old (-1) or new (+1) contribution to the counts; appended by triggers, taken by the refresh. */
  figures_delivery_changes: {
    sign: -1 | 1;
    agency: string;
    organisation_id: string;
    life_event: string;
    channel: string;
    delivered_at: Date;
    acknowledged_at: Date | null;
    actioned_at: Date | null;
  };
  /** A report whose counts may have changed; appended by triggers, taken by the refresh. */
  figures_report_changes: { submission_id: string };
  /** What each report was last counted as, so the refresh can take it away when it changes. */
  figures_report_counted: {
    submission_id: string;
    day: DateColumn;
    life_event: string;
    channel: string;
    told: number;
    told_agencies: string[];
  };
  /** Delivered notifications of a UK day, counted by the working days each step took (null: not done). */
  figures_delivery_days: {
    day: DateColumn;
    agency: AgencyKind;
    organisation_id: string;
    life_event: LifeEventId;
    channel: Channel;
    step: TargetKind;
    working_days: number | null;
    n: number;
  };
  /** Reports made on a UK day, counted by how many organisations, and which kinds, were told. */
  figures_report_days: {
    day: DateColumn;
    life_event: LifeEventId;
    channel: Channel;
    told: number;
    told_agencies: AgencyKind[];
    n: number;
  };
}
