import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

const endpoint = api.audit;
export type AuditEvent = InferResponseType<typeof endpoint.$get, 200>[number];

export interface AuditFilter {
  unitId?: number | undefined;
  indicatorId?: number | undefined;
  userId?: number | undefined;
  /** YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The audit trail within the user's scope, newest first (the API keeps the latest 200). */
export async function getAudit(filter: AuditFilter, signal?: AbortSignal) {
  const query: { unitId?: string; indicatorId?: string; userId?: string; from?: string; to?: string } = {};
  if (filter.unitId !== undefined) query.unitId = String(filter.unitId);
  if (filter.indicatorId !== undefined) query.indicatorId = String(filter.indicatorId);
  if (filter.userId !== undefined) query.userId = String(filter.userId);
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  const res = await request(() => endpoint.$get({ query }, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const auditQueryOptions = (filter: AuditFilter) =>
  queryOptions({
    queryKey: [
      'audit',
      {
        unitId: filter.unitId,
        indicatorId: filter.indicatorId,
        userId: filter.userId,
        from: filter.from,
        to: filter.to,
      },
    ],
    queryFn: ({ signal }) => getAudit(filter, signal),
  });

export const useAudit = (filter: AuditFilter, enabled = true) =>
  useQuery({ ...auditQueryOptions(filter), enabled, placeholderData: keepPreviousData });
