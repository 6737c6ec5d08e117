import { verificationLevelSchema, type VerificationLevel } from '@tuo/shared/verification/verification';
import { runKeyCli } from '../cli/key-cli.js';
import { createSubmitterKey, listSubmitterKeys, revokeSubmitterKey } from './submitter-keys.js';

// `npm run submitter:key -- --name "Camden register office" --level high` prints a new key once;
// `--revoke <key id>` stops one at once; `--list` shows every key (never the keys themselves).

type Command = { list: true } | { name: string; level: VerificationLevel };

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');

await runKeyCli<Command>({
  usage: [
    'Usage: npm run submitter:key -- --name <partner system> --level low|medium|high',
    '   or: npm run submitter:key -- --revoke <key id>',
    '   or: npm run submitter:key -- --list',
  ],
  options: { name: { type: 'string' }, level: { type: 'string' }, list: { type: 'boolean' } },
  parse: (values) => {
    const creating = values.name !== undefined || values.level !== undefined;
    if (values.list) return creating ? undefined : { list: true };
    const name = typeof values.name === 'string' ? values.name.trim() : undefined;
    const level = verificationLevelSchema.safeParse(values.level);
    return name && name.length <= 200 && level.success ? { name, level: level.data } : undefined;
  },
  revoke: revokeSubmitterKey,
  run: async (db, command) => {
    if ('list' in command) {
      const keys = await listSubmitterKeys(db);
      if (keys.length === 0) console.log('No trusted-submitter keys yet.');
      for (const k of keys) {
        const state = k.revokedAt ? `revoked ${day(k.revokedAt)}` : `last used ${day(k.lastUsedAt)}`;
        console.log(`${k.id}  ${k.prefix}…  ${k.level}  ${k.name}  (made ${day(k.createdAt)}, ${state})`);
      }
      return;
    }
    const { id, key } = await createSubmitterKey(db, command);
    console.log(
      `Key ${id} for "${command.name}" (level ${command.level}). Copy it now: it is not shown again.\n${key}`,
    );
  },
});
