import type { AuditAction } from '@chitieu/core';
import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.audit;
export type AuditEvent = InferResponseType<typeof endpoint.$get, 200>[number];

export interface AuditFilter {
  unitId?: number | undefined;
  indicatorId?: number | undefined;
  userId?: number | undefined;
  /** YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** A kind of change (core's AUDIT_ACTIONS). */
  action?: AuditAction | undefined;
}

/** Events per page: the API's default page size. */
export const AUDIT_PAGE_SIZE = 200;

/** The audit trail within the user's scope, newest first, one page (older than `before`). */
export async function getAudit(filter: AuditFilter, signal?: AbortSignal, before?: number) {
  const query: {
    unitId?: string;
    indicatorId?: string;
    userId?: string;
    from?: string;
    to?: string;
    action?: AuditAction;
    before?: string;
  } = {};
  if (filter.unitId !== undefined) query.unitId = String(filter.unitId);
  if (filter.indicatorId !== undefined) query.indicatorId = String(filter.indicatorId);
  if (filter.userId !== undefined) query.userId = String(filter.userId);
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.action) query.action = filter.action;
  if (before !== undefined) query.before = String(before);
  return call(() => endpoint.$get({ query }, { init: { signal } }));
}

const auditKey = (filter: AuditFilter) =>
  [
    'audit',
    {
      unitId: filter.unitId,
      indicatorId: filter.indicatorId,
      userId: filter.userId,
      from: filter.from,
      to: filter.to,
      action: filter.action,
    },
  ] as const;

export const auditQueryOptions = (filter: AuditFilter) =>
  queryOptions({ queryKey: auditKey(filter), queryFn: ({ signal }) => getAudit(filter, signal) });

/** The first page only (e.g. to list the people in the trail). */
export const useAudit = (filter: AuditFilter, enabled = true) =>
  useQuery({ ...auditQueryOptions(filter), enabled, placeholderData: keepPreviousData });

/** Page after page, for "show older changes". */
export const useAuditPages = (filter: AuditFilter) =>
  useInfiniteQuery({
    queryKey: [...auditKey(filter), 'pages'],
    queryFn: ({ signal, pageParam }) => getAudit(filter, signal, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === AUDIT_PAGE_SIZE ? last.at(-1)?.id : undefined),
    placeholderData: keepPreviousData,
  });
