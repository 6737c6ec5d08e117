import { agencyKindSchema } from '@tuo/shared';
import type { CronItem, Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import { agencyFile } from '../channels/file/agency-file.js';
import { claimRun, findClaimedRun, finishRun, noteRunFailure, runRecords } from '../channels/file/file-runs.js';
import { FileUploadError, uploadFiles } from '../channels/file/sftp-upload.js';
import { channelOrganisation, fileChannelOfOrganisation } from '../channels/organisation-channels.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { ProtectedValues } from '../privacy/protected-values.js';

/** The queue task that makes and uploads an organisation's scheduled file. */
export const SEND_AGENCY_FILE = 'send_agency_file';

/**
 * `send_agency_file` payload: the organisation, or a kind (its fallback, as the environment's cron
 * items and older jobs name it). Re-parsed on entry: the job may have been queued by older code.
 */
export const sendAgencyFilePayloadSchema = z.union([
  z.object({ organisationId: z.uuid() }),
  z.object({ agency: agencyKindSchema }),
]);

/**
 * The queue an organisation's file runs share, so they never overlap: a fallback's is its kind's
 * (as its environment cron item queues it), any other's its own.
 */
export function fileQueueName(organisation: { id: string; kind: string; fallback: boolean }): string {
  return `${SEND_AGENCY_FILE}:${organisation.fallback ? organisation.kind : organisation.id}`;
}

/**
 * One cron item per kind whose fallback has a file channel in the environment, on its schedule;
 * graphile-worker runs each slot once however many workers there are. An organisation's own file
 * schedule is queued by `schedule_organisation_channels` (organisation-channel-schedule-task.ts).
 */
export function fileChannelCronItems(agencies: Config['agencies']): CronItem[] {
  return Object.entries(agencies).flatMap(([agency, channels]) =>
    channels.file
      ? [
          {
            task: SEND_AGENCY_FILE,
            match: channels.file.schedule,
            identifier: `${SEND_AGENCY_FILE}:${agency}`,
            payload: { agency },
            options: { queueName: `${SEND_AGENCY_FILE}:${agency}`, maxAttempts: 10 },
          },
        ]
      : [],
  );
}

/**
 * Makes an organisation's files: first resumes a run left claimed (its worker died, or its upload
 * failed), making and uploading the same file again, then claims what is waiting into new runs
 * until nothing is. Each run: claim (database), upload under its own name (idempotent), mark done.
 * A failed upload is noted on the run and thrown, so graphile-worker retries the job with backoff.
 */
export function createSendAgencyFileTask(deps: {
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  privacy: ProtectedValues;
  config: Pick<Config, 'agencies' | 'sessionSecret'>;
  timeoutMs: number;
}): Task {
  const { db, adapters, privacy } = deps;
  return async (rawPayload, helpers) => {
    const organisation = await channelOrganisation(db, sendAgencyFilePayloadSchema.parse(rawPayload));
    const settings = organisation ? await fileChannelOfOrganisation(db, deps.config, organisation) : undefined;
    if (!organisation || !settings) {
      helpers.logger.info('no file channel for this organisation; nothing to send');
      return;
    }
    const { kind } = organisation;
    for (;;) {
      const run = (await findClaimedRun(db, organisation)) ?? (await claimRun(db, organisation, settings.format));
      if (!run) return;
      const started = new Date();
      const records = await runRecords(db, privacy, run.id);
      const file = agencyFile(kind, adapters[kind].fileColumns, { ...run, organisationId: organisation.id }, records);
      try {
        // The manifest goes last: an import waiting for it never reads a file still arriving.
        await uploadFiles(settings.sftp, [file, file.manifest], deps.timeoutMs);
      } catch (error) {
        const message = error instanceof FileUploadError ? error.message : 'The file could not be uploaded';
        await noteRunFailure(db, run.id, message);
        throw error;
      }
      const delivered = await finishRun(db, run, file, started);
      helpers.logger.info(
        `file run ${run.id} for organisation ${organisation.id}: ${String(delivered)} notifications in ${file.name}`,
      );
    }
  };
}
