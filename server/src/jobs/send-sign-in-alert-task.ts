import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { NotifyClient } from 'notifications-node-client';
import { recordAudit } from '../audit/audit-log.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { sendSignInAlertPayloadSchema } from './job-names.js';

function httpStatusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

/**
 * Emails an account's owner, by GOV.UK Notify, that someone has been failing to sign in as them.
 * The template carries no personalisation: no address, count or time, nothing a guesser could use
 * and nothing worth forwarding. Without Notify configured the alert is only audited.
 */
export function createSendSignInAlertTask(deps: {
  db: Kysely<Database>;
  config: Pick<Config, 'notify' | 'accounts'>;
}): Task {
  const { db, config } = deps;
  const client = config.notify ? new NotifyClient(config.notify.apiKey) : undefined;
  const templateId = config.accounts.signInAlertTemplateId;
  return async (rawPayload) => {
    const { staffId } = sendSignInAlertPayloadSchema.parse(rawPayload);
    const account = await db
      .selectFrom('staff_users')
      .select('email')
      .where('id', '=', staffId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!account) return;
    let outcome = 'recorded';
    if (client && templateId) {
      try {
        await client.sendEmail(templateId, account.email, { personalisation: {} });
        outcome = 'sent';
      } catch (failure) {
        const code = httpStatusOf(failure);
        // Notify's 400 and 403 will not change on retry; anything else (429, 5xx, network) will be retried.
        if (code !== 400 && code !== 403)
          throw new Error(`GOV.UK Notify did not accept the sign-in alert (${code ?? 'no answer'})`);
        outcome = 'failed';
      }
    }
    await recordAudit(db, {
      actor: { type: 'system' },
      action: 'account.sign-in-alert',
      detail: { account: staffId, outcome },
    });
  };
}
