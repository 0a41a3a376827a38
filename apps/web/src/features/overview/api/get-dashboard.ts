import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { useShownQuery } from '../../../lib/query.ts';
import { type ScopeParams, scopeKey, scopeQuery } from './scope.ts';

const endpoint = api.terms[':termId'].dashboard;
export type Dashboard = InferResponseType<typeof endpoint.$get, 200>;
export type DashboardTarget = Dashboard['targets'][number];

export async function getDashboard(params: ScopeParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      { param: { termId: String(params.termId) }, query: scopeQuery(params) },
      { init: { signal } },
    ),
  );
}

export const dashboardQueryOptions = (params: ScopeParams) =>
  queryOptions({
    queryKey: ['dashboard', scopeKey(params)],
    queryFn: ({ signal }) => getDashboard(params, signal),
  });

export const useDashboard = (params: ScopeParams | undefined) =>
  useShownQuery({
    ...dashboardQueryOptions(params ?? { termId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
