import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  createSubmissionBatcher,
  type BatchSettings,
  type SubmissionWriter,
} from '../submissions/submission-batcher.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's group commit of new submissions (see submissions/submission-batcher.ts). */
    submissionWriter: SubmissionWriter;
  }
}

/** Statements of submissions in flight at once, well within the API's pool of 20 connections. */
const IN_FLIGHT = 4;

/** One batcher per process; on close, what is waiting is written before the database goes. */
export const submissionWriterPlugin = fp(
  (app: FastifyInstance, options: { settings: Omit<BatchSettings, 'inFlight'> }) => {
    const writer = createSubmissionBatcher(app.db, { ...options.settings, inFlight: IN_FLIGHT });
    app.decorate('submissionWriter', writer);
    app.addHook('onClose', async () => {
      await writer.close();
    });
  },
  { name: 'submission-writer', dependencies: ['database'] },
);
