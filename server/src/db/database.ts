import type { ColumnType, Generated } from 'kysely';

/**
 * The one source of truth for table shapes, written to match `migrations/`.
 * Each table is added here in the same commit as the migration that creates it.
 */
export interface Database {
  app_meta: AppMetaTable;
}

/** Small key-value facts about this installation (e.g. when it was first started). */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type { Generated };
