import { sql, type Kysely } from 'kysely';
// Frozen: never edit a migration that has shipped; add a new one beside it.

// The figures' counts per day are kept by change rather than counted again per day (#18): counting
// a busy day again (today, with 150,000 deliveries) took seconds, before every figures read.
//
// Deliveries: statement-level triggers append each changed row's old contribution (sign -1) and
// new one (+1), with the raw times, to `figures_delivery_changes` (appended, never updated, so
// writers never wait on each other; a row's old and new values are exact, as the row is locked).
// The refresh works out each change's working days (the calendar is in the app) and adds the
// signs into `figures_delivery_days`, so a day's counts are the sum of its changes: exact, and the
// per-day histograms of working days keep the percentiles exact.
//
// Reports: a report's contribution depends on all its deliveries (how many, and which kinds, were
// told), which concurrent transactions change apart, so the triggers only note the report, and the
// refresh (one at a time) counts the noted reports again from their rows, takes away what was counted
// for each before (`figures_report_counted`) and adds the new.
//
// Everything already there is noted, so the first refresh counts it all once.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table figures_delivery_changes (
      sign smallint not null check (sign in (-1, 1)),
      agency text not null,
      organisation_id uuid not null,
      life_event text not null,
      channel text not null,
      delivered_at timestamptz not null,
      acknowledged_at timestamptz,
      actioned_at timestamptz
    )
  `.execute(db);
  await sql`create table figures_report_changes (submission_id uuid not null)`.execute(db);
  await sql`
    create table figures_report_counted (
      submission_id uuid primary key,
      day date not null,
      life_event text not null,
      channel text not null,
      told int not null,
      told_agencies text[] not null
    )
  `.execute(db);
  await sql`truncate figures_delivery_days, figures_report_days`.execute(db);
  await sql`alter table figures_delivery_days drop constraint figures_delivery_days_n_check`.execute(db);
  await sql`alter table figures_report_days drop constraint figures_report_days_n_check`.execute(db);
  await sql`create unique index figures_delivery_days_key on figures_delivery_days
    (day, agency, organisation_id, life_event, channel, step, working_days) nulls not distinct`.execute(db);
  await sql`create unique index figures_report_days_key on figures_report_days
    (day, life_event, channel, told, told_agencies)`.execute(db);
  // A count that changes down to nothing is deleted by the refresh that made it so.
  await sql`create index figures_delivery_days_none_idx on figures_delivery_days (day) where n = 0`.execute(db);
  await sql`create index figures_report_days_none_idx on figures_report_days (day) where n = 0`.execute(db);

  await sql`
    create or replace function figures_note_deliveries() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        insert into figures_delivery_changes
        select x.sign, x.agency, x.organisation_id, s.life_event, s.channel, x.delivered_at, x.acknowledged_at, x.actioned_at
        from new_rows n join old_rows o on o.id = n.id join submissions s on s.id = n.submission_id
          cross join lateral (values
            (-1, o.agency, o.organisation_id, o.delivered_at, o.acknowledged_at, o.actioned_at),
            (1, n.agency, n.organisation_id, n.delivered_at, n.acknowledged_at, n.actioned_at))
            as x(sign, agency, organisation_id, delivered_at, acknowledged_at, actioned_at)
        where x.delivered_at is not null
          and (n.agency, n.organisation_id, n.delivered_at, n.acknowledged_at, n.actioned_at)
            is distinct from (o.agency, o.organisation_id, o.delivered_at, o.acknowledged_at, o.actioned_at);
        -- A report's counts change when one of its deliveries is first delivered (or no longer is).
        insert into figures_report_changes
        select distinct n.submission_id from new_rows n join old_rows o on o.id = n.id
        where (n.delivered_at is null) is distinct from (o.delivered_at is null) or n.agency is distinct from o.agency;
      else
        insert into figures_delivery_changes
        select case when tg_op = 'INSERT' then 1 else -1 end, r.agency, r.organisation_id, s.life_event, s.channel,
          r.delivered_at, r.acknowledged_at, r.actioned_at
        from changed_rows r join submissions s on s.id = r.submission_id where r.delivered_at is not null;
        insert into figures_report_changes select distinct submission_id from changed_rows where delivered_at is not null;
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create or replace function figures_note_reports() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        -- Only what the counts read: the day, life event and channel (a confirmation or erasure changes none).
        insert into figures_report_changes
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.submitted_at, n.life_event, n.channel) is distinct from (o.submitted_at, o.life_event, o.channel);
        -- Their deliveries' counts carry the report's life event and channel too.
        insert into figures_delivery_changes
        select x.sign, d.agency, d.organisation_id, x.life_event, x.channel, d.delivered_at, d.acknowledged_at, d.actioned_at
        from new_rows n join old_rows o on o.id = n.id join deliveries d on d.submission_id = n.id
          cross join lateral (values (-1, o.life_event, o.channel), (1, n.life_event, n.channel)) as x(sign, life_event, channel)
        where d.delivered_at is not null and (n.life_event, n.channel) is distinct from (o.life_event, o.channel);
      else
        insert into figures_report_changes select id from changed_rows;
      end if;
      return null;
    end
    $$
  `.execute(db);
  // Insert and delete triggers read one transition table, under one name.
  for (const [table, fn] of [
    ['deliveries', 'figures_note_deliveries'],
    ['submissions', 'figures_note_reports'],
  ] as const) {
    await sql`drop trigger ${sql.id(`figures_${table}_inserted`)} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger ${sql.id(`figures_${table}_deleted`)} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${sql.id(`figures_${table}_inserted`)} after insert on ${sql.table(table)}
      referencing new table as changed_rows for each statement execute function ${sql.id(fn)}()`.execute(db);
    await sql`create trigger ${sql.id(`figures_${table}_deleted`)} after delete on ${sql.table(table)}
      referencing old table as changed_rows for each statement execute function ${sql.id(fn)}()`.execute(db);
  }
  await sql`drop table figures_changes`.execute(db);

  await sql`
    insert into figures_delivery_changes
    select 1, d.agency, d.organisation_id, s.life_event, s.channel, d.delivered_at, d.acknowledged_at, d.actioned_at
    from deliveries d join submissions s on s.id = d.submission_id where d.delivered_at is not null
  `.execute(db);
  await sql`insert into figures_report_changes select id from submissions`.execute(db);
}

// Back to 2026-12-02-0900: days noted, and every day counted again at the first refresh.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create table figures_changes (
      counts text not null check (counts in ('deliveries', 'reports')),
      day date not null
    )
  `.execute(db);
  await sql`
    create or replace function figures_note_deliveries() returns trigger language plpgsql as $$
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
    create or replace function figures_note_reports() returns trigger language plpgsql as $$
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
  for (const [table, fn] of [
    ['deliveries', 'figures_note_deliveries'],
    ['submissions', 'figures_note_reports'],
  ] as const) {
    await sql`drop trigger ${sql.id(`figures_${table}_inserted`)} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger ${sql.id(`figures_${table}_deleted`)} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${sql.id(`figures_${table}_inserted`)} after insert on ${sql.table(table)}
      referencing new table as new_rows for each statement execute function ${sql.id(fn)}()`.execute(db);
    await sql`create trigger ${sql.id(`figures_${table}_deleted`)} after delete on ${sql.table(table)}
      referencing old table as old_rows for each statement execute function ${sql.id(fn)}()`.execute(db);
  }
  await db.schema.dropTable('figures_delivery_changes').execute();
  await db.schema.dropTable('figures_report_changes').execute();
  await db.schema.dropTable('figures_report_counted').execute();
  for (const index of [
    'figures_delivery_days_key',
    'figures_report_days_key',
    'figures_delivery_days_none_idx',
    'figures_report_days_none_idx',
  ])
    await sql`drop index ${sql.id(index)}`.execute(db);
  await sql`truncate figures_delivery_days, figures_report_days`.execute(db);
  await sql`alter table figures_delivery_days add constraint figures_delivery_days_n_check check (n > 0)`.execute(db);
  await sql`alter table figures_report_days add constraint figures_report_days_n_check check (n > 0)`.execute(db);
  await sql`
    insert into figures_changes (counts, day)
    select distinct 'deliveries', (delivered_at at time zone 'Europe/London')::date from deliveries where delivered_at is not null
    union
    select distinct 'reports', (submitted_at at time zone 'Europe/London')::date from submissions
  `.execute(db);
}
