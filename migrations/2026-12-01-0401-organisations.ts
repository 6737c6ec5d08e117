import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// The directory: organisations are data, each of one kind (the routing rules, purposes and payload
// schemas stay per kind, in shared/). Everything that was per agency becomes per organisation:
// each delivery, API key, agency portal account and rotated webhook secret names its organisation,
// and a composite reference keeps that organisation of the row's kind.
// What was there before becomes one organisation per kind: the kind's fallback, which takes the
// notifications no more particular organisation is chosen for (and keeps the webhook configured
// for the kind).
const kinds = ['council', 'gp-practice', 'housing-provider', 'jobcentre'] as const;
const fallbackNames: Record<(typeof kinds)[number], string> = {
  council: 'Council',
  'gp-practice': 'GP practices (not yet known)',
  'housing-provider': 'Landlords (not yet known)',
  jobcentre: 'Jobcentre Plus',
};
const owned = ['deliveries', 'agency_api_keys', 'staff_users', 'agency_webhook_secrets'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${sql.join(kinds.map((k) => sql.lit(k)))})`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) between 1 and 200`))
    // GSS code (council), NHS ODS code (GP practice), Regulator of Social Housing number (housing association).
    .addColumn('code', 'text', (c) => c.check(sql`code is null or code ~ '^[A-Z0-9]{3,12}$'`))
    // Where it serves: GSS codes of council areas, or postcode districts (for a GP practice's catchment).
    .addColumn('areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // Where residents find it: its postcode (GP practices and landlords are searched by name or postcode).
    .addColumn('postcode', 'text')
    // OS Places' LOCAL_CUSTODIAN_CODE of a council, so an address found there maps to its council.
    .addColumn('custodian_code', 'text', (c) => c.check(sql`custodian_code is null or custodian_code ~ '^[0-9]{1,6}$'`))
    .addColumn('fallback', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  // One organisation per kind and code (the import matches on it); a code is optional.
  await sql`create unique index organisations_kind_code_key on organisations (kind, code) where code is not null`.execute(
    db,
  );
  await sql`create unique index organisations_custodian_key on organisations (custodian_code) where custodian_code is not null`.execute(
    db,
  );
  // One fallback per kind.
  await sql`create unique index organisations_fallback_key on organisations (kind) where fallback`.execute(db);
  // The target of the composite references below: an owner row's organisation is of the row's kind.
  await sql`alter table organisations add constraint organisations_id_kind_key unique (id, kind)`.execute(db);
  await sql`create index organisations_kind_name_idx on organisations (kind, lower(name))`.execute(db);

  for (const kind of kinds)
    await sql`insert into organisations (kind, name, fallback) values (${kind}, ${fallbackNames[kind]}, true)`.execute(
      db,
    );

  for (const table of owned) {
    await sql`alter table ${sql.table(table)} add column organisation_id uuid`.execute(db);
    await sql`update ${sql.table(table)} t set organisation_id = o.id from organisations o where o.kind = t.agency and o.fallback`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_organisation_fkey`)}
      foreign key (organisation_id, agency) references organisations (id, kind)`.execute(db);
    await sql`create index ${sql.id(`${table}_organisation_idx`)} on ${sql.table(table)} (organisation_id)`.execute(db);
  }
  for (const table of ['deliveries', 'agency_api_keys', 'agency_webhook_secrets'] as const)
    await sql`alter table ${sql.table(table)} alter column organisation_id set not null`.execute(db);
  // An agency account always names its organisation, and a customer-centre account never does.
  await sql`alter table staff_users add constraint staff_users_organisation_check check ((organisation_id is null) = (agency is null))`.execute(
    db,
  );
  // An organisation's inbox, in order, and its portal's work list.
  await sql`create index deliveries_organisation_inbox_idx on deliveries (organisation_id, inbox_xid, inbox_seq) where inbox_xid is not null`.execute(
    db,
  );
  await sql`create index deliveries_organisation_portal_idx on deliveries (organisation_id, status, delivered_at)`.execute(
    db,
  );
  // Rotated webhook secrets are the organisation's: one current secret each.
  await sql`drop index agency_webhook_secrets_current_key`.execute(db);
  await sql`create unique index agency_webhook_secrets_current_key on agency_webhook_secrets (organisation_id) where retires_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index agency_webhook_secrets_current_key`.execute(db);
  await sql`create unique index agency_webhook_secrets_current_key on agency_webhook_secrets (agency) where retires_at is null`.execute(
    db,
  );
  await sql`drop index deliveries_organisation_portal_idx`.execute(db);
  await sql`drop index deliveries_organisation_inbox_idx`.execute(db);
  await sql`alter table staff_users drop constraint staff_users_organisation_check`.execute(db);
  for (const table of owned) await sql`alter table ${sql.table(table)} drop column organisation_id`.execute(db);
  await db.schema.dropTable('organisations').execute();
}
