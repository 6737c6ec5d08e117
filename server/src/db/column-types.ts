import type { ColumnType } from 'kysely';

/** A timestamp column written by the application. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column the database fills in by default. */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
