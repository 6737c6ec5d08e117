import { sql, type Kysely } from 'kysely';
// Frozen: never edit a migration that has shipped; add a new one beside it.

// The performance figures, counted per UK day in advance (#18): a year of a busy borough is about a
// million deliveries, too many to read for every uncached figures page. Each day's delivered
// notifications are kept counted by agency, organisation, life event, channel, step and the working
// days the step took (null while not done); each day's reports by life event, channel and which
// agencies were told. The figures add up whole days from these and count only the window's partial
// first and last days from the rows themselves.
//
// What changed is noted by statement-level triggers into `figures_changes` (one row per statement
// and day: appended, never updated, so writers never wait on each other); the refresh
// (server/src/service-levels/figures-by-day.ts, run every minute and before the figures are read)
// takes the notes and counts those days again in one transaction. A note made by a transaction still
// open when a refresh takes the others stays behind for the next refresh, so no change is missed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table figures_changes (
      counts text not null check (counts in ('deliveries', 'reports')),
      day date not null
    )
  `.execute(db);
  await sql`
    create table figures_delivery_days (
      day date not null,
      agency text not null,
      organisation_id uuid not null,
      life_event text not null,
      channel text not null,
      step text not null check (step in ('acknowledge', 'action')),
      working_days int check (working_days >= 0),
      n int not null check (n > 0)
    )
  `.execute(db);
  await sql`create index figures_delivery_days_day_idx on figures_delivery_days (day)`.execute(db);
  await sql`
    create table figures_report_days (
      day date not null,
      life_event text not null,
      channel text not null,
      told int not null check (told >= 0),
      told_agencies text[] not null,
      n int not null check (n > 0)
    )
  `.execute(db);
  await sql`create index figures_report_days_day_idx on figures_report_days (day)`.execute(db);

  await sql`
    create function figures_note_deliveries() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        insert into figures_changes (counts, day)
        select distinct 'deliveries', (delivered_at at time zone 'Europe/London')::date
        from new_rows where delivered_at is not null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        insert into figures_changes (counts, day)
        select distinct 'deliveries', (delivered_at at time zone 'Europe/London')::date
        from old_rows where delivered_at is not null;
      end if;
      -- A report's counts change when one of its deliveries is first delivered (or goes).
      if tg_op = 'INSERT' then
        insert into figures_changes (counts, day)
        select distinct 'reports', (s.submitted_at at time zone 'Europe/London')::date
        from new_rows n join submissions s on s.id = n.submission_id where n.delivered_at is not null;
      elsif tg_op = 'UPDATE' then
        insert into figures_changes (counts, day)
        select distinct 'reports', (s.submitted_at at time zone 'Europe/London')::date
        from new_rows n join old_rows o on o.id = n.id join submissions s on s.id = n.submission_id
        where n.delivered_at is distinct from o.delivered_at or n.agency is distinct from o.agency;
      else
        insert into figures_changes (counts, day)
        select distinct 'reports', (s.submitted_at at time zone 'Europe/London')::date
        from old_rows o join submissions s on s.id = o.submission_id where o.delivered_at is not null;
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create function figures_note_reports() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into figures_changes (counts, day)
        select distinct 'reports', (submitted_at at time zone 'Europe/London')::date from new_rows;
      elsif tg_op = 'UPDATE' then
        -- Only what the counts read: the day, life event and channel (a confirmation or erasure changes none).
        insert into figures_changes (counts, day)
        select distinct 'reports', (x.submitted_at at time zone 'Europe/London')::date
        from new_rows n join old_rows o on o.id = n.id
          cross join lateral (values (n.submitted_at), (o.submitted_at)) as x(submitted_at)
        where n.submitted_at is distinct from o.submitted_at or n.life_event is distinct from o.life_event
          or n.channel is distinct from o.channel;
        -- Their deliveries' counts carry the report's life event and channel too.
        insert into figures_changes (counts, day)
        select distinct 'deliveries', (d.delivered_at at time zone 'Europe/London')::date
        from new_rows n join old_rows o on o.id = n.id join deliveries d on d.submission_id = n.id
        where d.delivered_at is not null
          and (n.life_event is distinct from o.life_event or n.channel is distinct from o.channel);
      else
        insert into figures_changes (counts, day)
        select distinct 'reports', (submitted_at at time zone 'Europe/London')::date from old_rows;
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`create trigger figures_deliveries_inserted after insert on deliveries
    referencing new table as new_rows for each statement execute function figures_note_deliveries()`.execute(db);
  await sql`create trigger figures_deliveries_updated after update on deliveries
    referencing new table as new_rows old table as old_rows for each statement execute function figures_note_deliveries()`.execute(
    db,
  );
  await sql`create trigger figures_deliveries_deleted after delete on deliveries
    referencing old table as old_rows for each statement execute function figures_note_deliveries()`.execute(db);
  await sql`create trigger figures_submissions_inserted after insert on submissions
    referencing new table as new_rows for each statement execute function figures_note_reports()`.execute(db);
  await sql`create trigger figures_submissions_updated after update on submissions
    referencing new table as new_rows old table as old_rows for each statement execute function figures_note_reports()`.execute(
    db,
  );
  await sql`create trigger figures_submissions_deleted after delete on submissions
    referencing old table as old_rows for each statement execute function figures_note_reports()`.execute(db);

  // Everything already there is counted at the first refresh.
  await sql`
    insert into figures_changes (counts, day)
    select distinct 'deliveries', (delivered_at at time zone 'Europe/London')::date from deliveries where delivered_at is not null
    union
    select distinct 'reports', (submitted_at at time zone 'Europe/London')::date from submissions
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['figures_deliveries_inserted', 'figures_deliveries_updated', 'figures_deliveries_deleted'])
    await sql`drop trigger ${sql.id(trigger)} on deliveries`.execute(db);
  for (const trigger of ['figures_submissions_inserted', 'figures_submissions_updated', 'figures_submissions_deleted'])
    await sql`drop trigger ${sql.id(trigger)} on submissions`.execute(db);
  await sql`drop function figures_note_deliveries()`.execute(db);
  await sql`drop function figures_note_reports()`.execute(db);
  await db.schema.dropTable('figures_report_days').execute();
  await db.schema.dropTable('figures_delivery_days').execute();
  await db.schema.dropTable('figures_changes').execute();
}
