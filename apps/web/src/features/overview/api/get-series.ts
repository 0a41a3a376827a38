import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { useShownQuery } from '../../../lib/query.ts';
import { type ScopeParams, scopeKey, scopeQuery } from './scope.ts';

const endpoint = api.terms[':termId'].targets[':targetId'].series;
export type Series = InferResponseType<typeof endpoint.$get, 200>;
export type SeriesPoint = Series['points'][number];

export interface SeriesParams extends ScopeParams {
  targetId: number;
}

export async function getSeries(params: SeriesParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      {
        param: { termId: String(params.termId), targetId: String(params.targetId) },
        query: scopeQuery(params),
      },
      { init: { signal } },
    ),
  );
}

export const seriesQueryOptions = (params: SeriesParams) =>
  queryOptions({
    queryKey: ['series', { ...scopeKey(params), targetId: params.targetId }],
    queryFn: ({ signal }) => getSeries(params, signal),
  });

export const useSeries = (params: SeriesParams | undefined) =>
  useShownQuery({
    ...seriesQueryOptions(params ?? { termId: 0, targetId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
