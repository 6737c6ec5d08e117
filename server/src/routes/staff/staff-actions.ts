import type { StartAssistedRequest } from '@tuo/shared/api/staff-session';
import type { SearchQuery } from '@tuo/shared/api/staff-submissions';
import type { FastifyRequest } from 'fastify';
import { loadDashboard } from '../../staff/dashboard.js';
import { searchSubmissions } from '../../staff/submission-search.js';
import { loadSubmissionView } from '../../staff/submission-view.js';
import { auditStaff } from './staff-access.js';

// What the console's pages and its JSON API both do, each read of residents' data audited.

/** Searches, and records which fields were searched and which submissions were shown (never the terms). */
export async function searchAudited(request: FastifyRequest, query: SearchQuery) {
  const results = await searchSubmissions(request.server.db, request.server.privacy, query);
  await auditStaff(request, {
    action: 'staff.searched',
    detail: {
      fields: Object.keys(query).filter((key) => query[key as keyof SearchQuery] !== undefined),
      found: results.length,
      submissions: results.map((r) => r.id),
    },
  });
  return results.map(({ id: _id, ...result }) => result);
}

/** Loads one submission for staff, and records that it was seen. */
export async function viewSubmissionAudited(request: FastifyRequest, reference: string) {
  const found = await loadSubmissionView(request.server.db, request.server.privacy, reference);
  if (found) await auditStaff(request, { action: 'staff.submission.viewed', submissionId: found.id });
  return found;
}

/** The dashboard (references included), recorded as seen. */
export async function dashboardAudited(request: FastifyRequest) {
  const dashboard = await loadDashboard(request.server.db);
  await auditStaff(request, { action: 'staff.dashboard.viewed' });
  return dashboard;
}

/** Starts an assisted transaction in the adviser's session, with what they recorded. */
export async function startAssisted(request: FastifyRequest, recorded: StartAssistedRequest) {
  const assisting = { ...recorded, startedAt: new Date().toISOString() };
  request.session.set('assisting', assisting);
  await auditStaff(request, {
    action: 'staff.assisted.started',
    detail: { mode: recorded.mode, identityChecks: recorded.identityChecks, consentConfirmed: true },
  });
  return assisting;
}

/** Ends the assisted transaction in progress, if any. */
export async function endAssisted(request: FastifyRequest): Promise<void> {
  if (!request.session.get('assisting')) return;
  request.session.set('assisting', undefined);
  await auditStaff(request, { action: 'staff.assisted.ended' });
}
