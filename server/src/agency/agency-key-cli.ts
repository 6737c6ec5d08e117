import { agencyKindSchema, type AgencyKind } from '@tuo/shared';
import { runKeyCli } from '../cli/key-cli.js';
import { organisationFromArgs } from '../organisations/fallback-organisation.js';
import { createApiKey, revokeApiKey } from './api-keys.js';

// `npm run agency:key -- --agency council --name "Revenues system"` prints a new key once (for the
// kind's fallback organisation; `--organisation <id or kind:code>` for one in the directory);
// `npm run agency:key -- --revoke <key id>` revokes one at once.

interface Command {
  agency: AgencyKind | undefined;
  organisation: string | undefined;
  name: string | undefined;
}

await runKeyCli<Command>({
  usage: [
    `Usage: npm run agency:key -- --agency ${agencyKindSchema.options.join('|')} [--name <what will use it>]`,
    '   or: npm run agency:key -- --organisation <id or kind:code> [--name <what will use it>]',
    '   or: npm run agency:key -- --revoke <key id>',
  ],
  options: { agency: { type: 'string' }, organisation: { type: 'string' }, name: { type: 'string' } },
  parse: (values) => {
    const name = typeof values.name === 'string' ? values.name : undefined;
    if (typeof values.organisation === 'string') return { agency: undefined, organisation: values.organisation, name };
    const agency = agencyKindSchema.safeParse(values.agency);
    return agency.success ? { agency: agency.data, organisation: undefined, name } : undefined;
  },
  revoke: revokeApiKey,
  run: async (db, command) => {
    const organisation = await organisationFromArgs(db, command);
    if (!organisation) throw new Error(`no organisation ${command.organisation ?? ''} in the directory`);
    const { id, key } = await createApiKey(db, organisation, command.name ?? `${organisation.kind} system`);
    console.log(`Key ${id} for organisation ${organisation.id}. Copy it now: it is not shown again.\n${key}`);
  },
});
