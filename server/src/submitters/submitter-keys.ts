import { createHash, randomBytes } from 'node:crypto';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A trusted submitter behind a valid key: the partner system's name and the level it vouches for. */
export interface SubmitterPrincipal {
  keyId: string;
  name: string;
  level: VerificationLevel;
}

/** A trusted submitter's key as listed: never the key or its hash. */
export interface SubmitterKeyListing {
  id: string;
  name: string;
  level: VerificationLevel;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const keyPrefix = 'tuo_submitter_';

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Makes a key for a partner system. The key is returned once; only its hash is kept. */
export async function createSubmitterKey(
  db: Kysely<Database>,
  input: { name: string; level: VerificationLevel },
): Promise<{ id: string; key: string }> {
  const key = `${keyPrefix}${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('submitter_keys')
    .values({
      name: input.name,
      level: input.level,
      prefix: key.slice(0, keyPrefix.length + 6),
      key_hash: hashKey(key),
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/** Revokes a key; it stops working at once. False when there is no live key with that id. */
export async function revokeSubmitterKey(db: Kysely<Database>, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const result = await db
    .updateTable('submitter_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every submitter key, newest first. */
export async function listSubmitterKeys(db: Kysely<Database>): Promise<SubmitterKeyListing[]> {
  const rows = await db
    .selectFrom('submitter_keys')
    .select(['id', 'name', 'level', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    level: row.level,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

/** Who a bearer key belongs to, as {@link authenticateSubmitterKeys} answers for each key. */
export type SubmitterKeyCheck =
  { found: SubmitterPrincipal } | { refused: 'revoked'; keyId: string } | { refused: 'unknown' };

/**
 * Who each bearer key belongs to, in one statement for many (the keys of the requests an API
 * process is parsing at once, gathered by submitter-auth.ts): the principal for a live key;
 * `revoked` (with the key's id, for the audit log) for a revoked one; `unknown` for anything else.
 */
export async function authenticateSubmitterKeys(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<SubmitterKeyCheck[]> {
  const hashes = keys.map(hashKey);
  // Noting last use at most once a minute keeps a busy partner's submissions from all updating one row.
  const result = await sql<{ key_hash: string; id: string; name: string; level: VerificationLevel; revoked: boolean }>`
    with found as (
      select id, key_hash, name, level, revoked_at is not null as revoked, last_used_at from submitter_keys
      where key_hash = any(${hashes}::text[])
    ),
    touched as (
      update submitter_keys set last_used_at = now()
      where id in (select id from found where not revoked and (last_used_at is null or last_used_at < now() - interval '1 minute'))
    )
    select key_hash, id, name, level, revoked from found
  `.execute(db);
  const byHash = new Map(result.rows.map((row) => [row.key_hash, row]));
  return hashes.map((hash): SubmitterKeyCheck => {
    const row = byHash.get(hash);
    if (!row) return { refused: 'unknown' };
    if (row.revoked) return { refused: 'revoked', keyId: row.id };
    return { found: { keyId: row.id, name: row.name, level: row.level } };
  });
}
