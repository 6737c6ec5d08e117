import { agencyKindSchema } from '@tuo/shared';
import type { CronItem, Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import { agencyFile } from '../channels/file/agency-file.js';
import { claimRun, findClaimedRun, finishRun, noteRunFailure, runRecords } from '../channels/file/file-runs.js';
import { FileUploadError, uploadFiles } from '../channels/file/sftp-upload.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { ProtectedValues } from '../privacy/protected-values.js';

/** The queue task that makes and uploads an agency's scheduled file (a graphile-worker cron task per agency). */
export const SEND_AGENCY_FILE = 'send_agency_file';

/** `send_agency_file` payload. Re-parsed on entry: the job may have been queued by older code. */
export const sendAgencyFilePayloadSchema = z.object({ agency: agencyKindSchema });

/**
 * One cron item per agency with a file channel, on its own schedule. Each agency's runs share a
 * queue, so they never overlap; graphile-worker runs each slot once however many workers there are.
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
 * Makes an agency's files: first resumes a run left claimed (its worker died, or its upload
 * failed), making and uploading the same file again, then claims what is waiting into new runs
 * until nothing is. Each run: claim (database), upload under its own name (idempotent), mark done.
 * A failed upload is noted on the run and thrown, so graphile-worker retries the job with backoff.
 */
export function createSendAgencyFileTask(deps: {
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  privacy: ProtectedValues;
  agencies: Config['agencies'];
  timeoutMs: number;
}): Task {
  const { db, adapters, privacy } = deps;
  return async (rawPayload, helpers) => {
    const { agency } = sendAgencyFilePayloadSchema.parse(rawPayload);
    const settings = deps.agencies[agency].file;
    if (!settings) {
      helpers.logger.info(`${agency} has no file channel; nothing to send`);
      return;
    }
    for (;;) {
      const run = (await findClaimedRun(db, agency)) ?? (await claimRun(db, agency, settings.format));
      if (!run) return;
      const started = new Date();
      const file = agencyFile(agency, adapters[agency].fileColumns, run, await runRecords(db, privacy, run.id));
      try {
        // The manifest goes last: an import waiting for it never reads a file still arriving.
        await uploadFiles(settings.sftp, [file, file.manifest], deps.timeoutMs);
      } catch (error) {
        const message = error instanceof FileUploadError ? error.message : 'The file could not be uploaded';
        await noteRunFailure(db, run.id, message);
        throw error;
      }
      const delivered = await finishRun(db, run, file, started);
      helpers.logger.info(`file run ${run.id} for ${agency}: ${String(delivered)} notifications in ${file.name}`);
    }
  };
}
