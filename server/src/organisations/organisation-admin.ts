import { organisationCodeProblem, type AddOrganisationRequest } from '@tuo/shared/api/organisation-admin';
import type {
  AdminOrganisation,
  ChangeOrganisationRequest,
  OrganisationListQuery,
  OrganisationSettings,
  ShownOrganisationSettings,
} from '@tuo/shared/api/organisation-admin';
import type { AgencyKind } from '@tuo/shared';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { AppError, NotFoundError, ValidationError } from '../errors.js';
import {
  createOrganisation,
  findOrganisation,
  OrganisationCodeTakenError,
  setOrganisationEnabled,
  toOrganisation,
  updateOrganisation,
} from './organisation-repository.js';
import { chosenChannel } from '@tuo/shared/api/organisation-channels';
import { scheduleProblem } from '../channels/channel-schedules.js';
import { releaseWaitingForFile } from '../channels/file/file-runs.js';
import { makeSftpKeyPair, sealOrganisationFileKey } from './organisation-file-key.js';
import { readSettings, writeSettings, type SealedFileKey } from './organisation-settings.js';
import { sealOrganisationWebhookSecret } from './organisation-webhook.js';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The directory as admins see it: one kind or all, searched by name or code; the disabled ones too. */
export async function listAdminOrganisations(
  db: Kysely<Database>,
  query: OrganisationListQuery,
): Promise<AdminOrganisation[]> {
  let select = db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('fallback', 'desc').orderBy('name');
  if (query.kind) select = select.where('kind', '=', query.kind);
  const typed = query.q?.trim();
  if (typed)
    select = select.where((eb) =>
      eb.or([eb('name', 'ilike', likePattern(typed)), eb('code', 'ilike', likePattern(typed))]),
    );
  const organisations = (await select.execute()).map(toOrganisation);
  const settings = await readSettings(
    db,
    organisations.map((o) => o.id),
  );
  return organisations.map((o) => ({ ...o, settings: settings.get(o.id) ?? {} }));
}

/** One organisation with its settings, or not found. */
export async function findAdminOrganisation(db: Kysely<Database>, id: string): Promise<AdminOrganisation> {
  const organisation = await findOrganisation(db, id);
  if (!organisation) throw new NotFoundError('There is no such organisation in the directory.');
  return { ...organisation, settings: (await readSettings(db, [id])).get(id) ?? {} };
}

function checkCode(kind: AgencyKind, code: string | undefined): void {
  const problem = organisationCodeProblem(kind, code);
  if (problem)
    throw new ValidationError('The official code is not of this kind’s shape.', [{ path: 'code', message: problem }]);
}

const codeTaken = () =>
  new AppError(409, 'code_taken', 'Another organisation of this kind has this code.', [
    { path: 'code', message: 'Another organisation of this kind already has this code, or this local custodian code' },
  ]);

// The webhook's and SFTP server's addresses are the organisation's; a secret or private key is never
// written down, only whether one was set or made. The alert mailbox is kept in full, deliberately,
// not masked: it is where the organisation's alerts go, and what an audit must show is exactly a
// change of where (an alert sent to an outside address is the misdirection to spot), which a masked
// address would hide. It is a team mailbox (the form asks for a shared one), the alert it receives
// holds no resident's data, and the audit log already names staff by their work addresses.
const settingsDetail = (settings: OrganisationSettings) => ({
  acknowledgeDays: settings.targets?.acknowledgeDays ?? null,
  actionDays: settings.targets?.actionDays ?? null,
  verificationMinimum: settings.verificationMinimum ?? null,
  primaryChannel: settings.primaryChannel ?? null,
  webhookUrl: settings.webhook?.url ?? null,
  webhookSecretChanged: settings.webhook?.secret !== undefined,
  fileUrl: settings.file?.url ?? null,
  fileHostKey: settings.file?.hostKey ?? null,
  fileFormat: settings.file?.format ?? null,
  fileSchedule: settings.file?.schedule ?? null,
  fileNewKey: settings.file?.newKey === true,
  alertEmail: settings.alert?.email ?? null,
  alertFrequency: settings.alert?.frequency ?? null,
});

/** The stored settings as a request would give them again (no secret, no key made), to tell a change. */
const asRequested = (settings: ShownOrganisationSettings): OrganisationSettings => {
  const { file, ...rest } = settings;
  if (!file) return rest;
  const { publicKey: _publicKey, ...kept } = file;
  return { ...rest, file: kept };
};

const secretNeeded = () =>
  new ValidationError('A webhook needs its signing secret.', [
    { path: 'webhookSecret', message: 'Enter the webhook’s signing secret: whsec_ followed by base64' },
  ]);

/** A schedule graphile-worker cannot read, refused as the file's field error. */
function checkSchedule(settings: OrganisationSettings): void {
  const problem = settings.file ? scheduleProblem(settings.file.schedule) : undefined;
  if (problem)
    throw new ValidationError('The scheduled file’s schedule is not a cron line.', [
      { path: 'settings.file.schedule', message: problem },
    ]);
}

/** The sealed secret a webhook is to be signed with: the one given, else the one stored (else refused). */
async function sealedFor(
  db: Kysely<Database>,
  id: string,
  settings: OrganisationSettings,
  sealingSecret: string,
): Promise<string | null> {
  if (!settings.webhook) return null;
  if (settings.webhook.secret) return sealOrganisationWebhookSecret(sealingSecret, id, settings.webhook.secret);
  const stored = await db
    .selectFrom('organisation_settings')
    .select('webhook_secret_sealed')
    .where('organisation_id', '=', id)
    .executeTakeFirst();
  if (!stored?.webhook_secret_sealed) throw secretNeeded();
  return stored.webhook_secret_sealed;
}

/** The key pair a scheduled file signs in with: the stored one, or a new one (asked for, or none yet). */
async function fileKeyFor(
  db: Kysely<Database>,
  id: string,
  settings: OrganisationSettings,
  sealingSecret: string,
): Promise<SealedFileKey | null> {
  if (!settings.file) return null;
  if (settings.file.newKey !== true) {
    const stored = await db
      .selectFrom('organisation_settings')
      .select(['file_private_key_sealed', 'file_public_key'])
      .where('organisation_id', '=', id)
      .executeTakeFirst();
    if (stored?.file_private_key_sealed && stored.file_public_key)
      return { privateKeySealed: stored.file_private_key_sealed, publicKey: stored.file_public_key };
  }
  const pair = makeSftpKeyPair(`tell-us-once-${id}`);
  return { privateKeySealed: sealOrganisationFileKey(sealingSecret, id, pair.privateKey), publicKey: pair.publicKey };
}

/** Adds an organisation with its settings, in one transaction, audited. */
export async function addOrganisation(
  db: Kysely<Database>,
  request: AddOrganisationRequest,
  actor: Actor,
  sealingSecret: string,
): Promise<AdminOrganisation> {
  const { settings, ...input } = request;
  checkCode(input.kind, input.code);
  checkSchedule(settings);
  if (settings.webhook && !settings.webhook.secret) throw secretNeeded();
  try {
    return await db.transaction().execute(async (trx) => {
      const made = await createOrganisation(trx, input, actor);
      const secret = settings.webhook?.secret;
      await writeSettings(
        trx,
        made.id,
        settings,
        secret ? sealOrganisationWebhookSecret(sealingSecret, made.id, secret) : null,
        await fileKeyFor(trx, made.id, settings, sealingSecret),
      );
      await recordAudit(trx, {
        actor,
        action: 'organisation.settings-changed',
        detail: { organisationId: made.id, ...settingsDetail(settings) },
      });
      return { ...made, settings: (await readSettings(trx, [made.id])).get(made.id) ?? {} };
    });
  } catch (error) {
    if (error instanceof OrganisationCodeTakenError) throw codeTaken();
    throw error;
  }
}

/** Changes an organisation (never its kind) and its settings, in one transaction, audited. */
export async function changeOrganisation(
  db: Kysely<Database>,
  id: string,
  request: ChangeOrganisationRequest,
  actor: Actor,
  sealingSecret: string,
): Promise<AdminOrganisation> {
  const before = await findAdminOrganisation(db, id);
  const { settings, ...input } = request;
  checkCode(before.kind, input.code);
  checkSchedule(settings);
  const sealed = await sealedFor(db, id, settings, sealingSecret);
  try {
    return await db.transaction().execute(async (trx) => {
      const changed = await updateOrganisation(trx, id, input, actor);
      if (!changed) throw new NotFoundError('There is no such organisation in the directory.');
      if (!isDeepStrictEqual(asRequested(before.settings), settings)) {
        await writeSettings(trx, id, settings, sealed, await fileKeyFor(trx, id, settings, sealingSecret));
        // Told another way now: what waited for its file goes that way (a fallback without a choice keeps the kind's).
        const chosen = chosenChannel(settings);
        if (chosen !== 'file' && !(before.fallback && chosen === undefined)) await releaseWaitingForFile(trx, id);
        await recordAudit(trx, {
          actor,
          action: 'organisation.settings-changed',
          detail: { organisationId: id, ...settingsDetail(settings) },
        });
      }
      return { ...changed, settings: (await readSettings(trx, [id])).get(id) ?? {} };
    });
  } catch (error) {
    if (error instanceof OrganisationCodeTakenError) throw codeTaken();
    throw error;
  }
}

/**
 * Disables an organisation, or enables it again, audited: while disabled it is offered to no
 * resident and new reports go to its kind's fallback. A fallback cannot be disabled.
 */
export async function changeOrganisationEnabled(
  db: Kysely<Database>,
  id: string,
  enabled: boolean,
  actor: Actor,
): Promise<AdminOrganisation> {
  const before = await findAdminOrganisation(db, id);
  if (before.fallback)
    throw new AppError(
      409,
      'fallback',
      'A kind’s fallback organisation takes what no other is chosen for: it stays enabled.',
    );
  const changed = await setOrganisationEnabled(db, id, enabled, actor);
  if (!changed) throw new NotFoundError('There is no such organisation in the directory.');
  return { ...changed, settings: before.settings };
}
