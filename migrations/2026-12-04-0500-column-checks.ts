import type { Kysely } from 'kysely';
import { addValueChecks, restoreValueChecks, type ValueCheck } from './value-checks-v1.js';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Written by `npm run db:column-checks` from server/src/db/checked-columns.ts: each column below may
// hold only its values from now on, and the check it had before (if any) is put back on the way down.
const checks: readonly ValueCheck[] = [
  {
    table: 'deliveries',
    column: 'transport',
    values: ['webhook', 'inbox', 'file'],
    array: false,
    before: null,
  },
  {
    table: 'submissions',
    column: 'erasure_kind',
    values: ['retention', 'request', 'unconfirmed'],
    array: false,
    before: { name: 'submissions_erasure_kind_check', values: ['retention', 'request', 'unconfirmed'] },
  },
  {
    table: 'resident_messages',
    column: 'kind',
    values: ['confirmation', 'confirmation-code'],
    array: false,
    before: null,
  },
  {
    table: 'resident_messages',
    column: 'channel',
    values: ['email', 'sms'],
    array: false,
    before: null,
  },
  {
    table: 'resident_messages',
    column: 'status',
    values: ['held', 'queued', 'sending', 'sent', 'recorded', 'failed', 'expired'],
    array: false,
    before: null,
  },
  {
    table: 'confirmation_codes',
    column: 'channel',
    values: ['email', 'sms'],
    array: false,
    before: { name: 'confirmation_codes_channel_check', values: ['email', 'sms'] },
  },
  {
    table: 'audit_events',
    column: 'actor_type',
    values: ['resident', 'staff', 'agency', 'agency-user', 'submitter', 'system'],
    array: false,
    before: null,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await addValueChecks(db, checks);
}

export async function down(db: Kysely<any>): Promise<void> {
  await restoreValueChecks(db, checks);
}
