import { toFieldErrors } from '@tuo/shared';
import { workListQuerySchema, workListStatuses, type WorkListQuery } from '@tuo/shared/api/agency-portal';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { InboxFilters } from '../../../agency/agency-inbox.js';

/** Rows on one page of the work list. */
export const workListPageSize = 25;

/** The work list's filters from a query string: blank boxes are unset; unknown names are ignored. */
export function parseWorkListQuery(query: Record<string, string>): { query: WorkListQuery; errors: FieldError[] } {
  const given = Object.fromEntries(
    ['status', 'lifeEvent', 'from', 'to', 'level', 'page'].flatMap((name) =>
      query[name]?.trim() ? [[name, query[name].trim()]] : [],
    ),
  );
  const parsed = workListQuerySchema.safeParse(given);
  if (parsed.success) {
    if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
      return {
        query: { ...parsed.data, to: undefined },
        errors: [{ field: 'to', message: 'Delivered to must be the same as or after delivered from' }],
      };
    }
    return { query: parsed.data, errors: [] };
  }
  // Show the list with the filters that were fine, and say which typed dates were not; a tab, page
  // life event or level that is not one of ours only comes from an edited address, and falls back quietly.
  const all = toFieldErrors(parsed.error.issues);
  const bad = new Set(all.map((error) => error.field));
  const errors = all.filter((error) => error.field === 'from' || error.field === 'to');
  const fallback = workListQuerySchema.parse(
    Object.fromEntries(Object.entries(given).filter(([name]) => !bad.has(name))),
  );
  return { query: fallback, errors };
}

/** The inbox filters a work list query asks for. */
export function inboxFilters(query: WorkListQuery): InboxFilters {
  return {
    ...(query.status === 'all' ? {} : { status: query.status }),
    ...(query.lifeEvent ? { lifeEvent: query.lifeEvent } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.level ? { level: query.level } : {}),
  };
}

/** A link to the work list (or its export) with these filters; defaults are left out. */
export function workListHref(path: string, query: WorkListQuery, change: Partial<WorkListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.status !== 'delivered') params.set('status', next.status);
  if (next.lifeEvent) params.set('lifeEvent', next.lifeEvent);
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.level) params.set('level', next.level);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A link to each tab, keeping the other filters and starting at page 1. */
export function tabHrefs(query: WorkListQuery): Record<WorkListQuery['status'], string> {
  return Object.fromEntries(
    workListStatuses.map((status) => [status, workListHref('/agency/notifications', query, { status, page: 1 })]),
  ) as Record<WorkListQuery['status'], string>;
}
