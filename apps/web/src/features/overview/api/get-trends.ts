import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { useShownQuery } from '../../../lib/query.ts';
import { type ScopeParams, scopeKey, scopeQuery } from './scope.ts';

const endpoint = api.terms[':termId'].trends;
export type Trends = InferResponseType<typeof endpoint.$get, 200>;
export type TrendPoint = Trends['targets'][number]['points'][number];

export async function getTrends(params: ScopeParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      { param: { termId: String(params.termId) }, query: scopeQuery(params) },
      { init: { signal } },
    ),
  );
}

export const trendsQueryOptions = (params: ScopeParams) =>
  queryOptions({
    queryKey: ['trends', scopeKey(params)],
    queryFn: ({ signal }) => getTrends(params, signal),
  });

export const useTrends = (params: ScopeParams | undefined) =>
  useShownQuery({
    ...trendsQueryOptions(params ?? { termId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
