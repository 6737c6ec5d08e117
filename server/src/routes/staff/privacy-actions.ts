import type { FastifyRequest } from 'fastify';
import { eraseSubmissionEarly } from '../../privacy/erase-submission.js';
import { exportSubmission } from '../../privacy/subject-access-export.js';
import { auditStaff, staffActor } from './staff-access.js';

// What an admin does about one resident's data, for the console's pages and its JSON API alike.

/** Everything held about a submission, and an audit line saying who exported it and how. */
export async function exportAudited(request: FastifyRequest, reference: string, format: 'json' | 'printable') {
  const exported = await exportSubmission(request.server.db, request.server.privacy, reference);
  if (exported)
    await auditStaff(request, {
      action: 'admin.submission.exported',
      submissionId: exported.submission.id,
      detail: { format },
    });
  return exported;
}

/** Erases a submission's personal data early; the erasure writes its own audit line with the change. */
export async function eraseEarly(request: FastifyRequest, reference: string, reason: string) {
  return eraseSubmissionEarly(request.server.db, reference, staffActor(request), reason);
}

/** The download's file name: the reference only, never a name. */
export const exportFileName = (reference: string) => `subject-access-${reference}.json`;
