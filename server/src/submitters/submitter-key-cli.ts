import { verificationLevelSchema, type VerificationLevel } from '@tuo/shared/verification/verification';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { createSubmitterKey, listSubmitterKeys, revokeSubmitterKey } from './submitter-keys.js';

// `npm run submitter:key -- --name "Camden register office" --level high` prints a new key once;
// `--revoke <key id>` stops one at once; `--list` shows every key (never the keys themselves).
const usage = [
  'Usage: npm run submitter:key -- --name <partner system> --level low|medium|high',
  '   or: npm run submitter:key -- --revoke <key id>',
  '   or: npm run submitter:key -- --list',
].join('\n');

type Command = { revoke: string } | { list: true } | { name: string; level: VerificationLevel };

function parseCommand(): Command | undefined {
  try {
    const { values } = parseArgs({
      options: {
        name: { type: 'string' },
        level: { type: 'string' },
        revoke: { type: 'string' },
        list: { type: 'boolean' },
      },
    });
    const creating = values.name !== undefined || values.level !== undefined;
    if (values.revoke) return creating || values.list ? undefined : { revoke: values.revoke };
    if (values.list) return creating ? undefined : { list: true };
    const name = values.name?.trim();
    const level = verificationLevelSchema.safeParse(values.level);
    return name && name.length <= 200 && level.success ? { name, level: level.data } : undefined;
  } catch {
    // An option it does not know, or one given without its value.
    return undefined;
  }
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');

const command = parseCommand();
if (!command) {
  console.error(usage);
  process.exitCode = 1;
} else {
  try {
    const env = parseEnv(process.env);
    await withCliDatabase(env, async (db) => {
      if ('revoke' in command) {
        console.log(
          (await revokeSubmitterKey(db, command.revoke))
            ? `Revoked key ${command.revoke}.`
            : `No live key ${command.revoke}.`,
        );
      } else if ('list' in command) {
        const keys = await listSubmitterKeys(db);
        if (keys.length === 0) console.log('No trusted-submitter keys yet.');
        for (const k of keys) {
          const state = k.revokedAt ? `revoked ${day(k.revokedAt)}` : `last used ${day(k.lastUsedAt)}`;
          console.log(`${k.id}  ${k.prefix}…  ${k.level}  ${k.name}  (made ${day(k.createdAt)}, ${state})`);
        }
      } else {
        const { id, key } = await createSubmitterKey(db, command);
        console.log(
          `Key ${id} for "${command.name}" (level ${command.level}). Copy it now: it is not shown again.\n${key}`,
        );
      }
    });
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Could not manage the key: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
    process.exitCode = 1;
  }
}
