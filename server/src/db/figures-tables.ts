import type { AgencyKind, LifeEventId } from '@tuo/shared';
import type { TargetKind } from '@tuo/shared/api/chase-requests';
import type { Channel } from '@tuo/shared/submission/channel';
import type { ColumnType } from 'kysely';

/** A `date` column: written as `YYYY-MM-DD`, read by pg as a Date at local midnight (select it with to_char). */
type DateColumn = ColumnType<Date, string, string>;

/**
 * The performance figures' counts per UK day (migration 2026-12-02-0900; kept by
 * service-levels/figures-by-day.ts). Counts only: no personal data, nothing that names a report.
 */
export interface FiguresTables {
  /** A day whose counts changed since the last refresh; appended by triggers, taken by the refresh. */
  figures_changes: { counts: 'deliveries' | 'reports'; day: DateColumn };
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
