import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { useShownQuery } from '../../../lib/query.ts';
import { type ScopeParams, scopeKey, scopeQuery } from './scope.ts';

const endpoint = api.terms[':termId'].targets[':targetId'].breakdown;
export type Breakdown = InferResponseType<typeof endpoint.$get, 200>;
export type BreakdownRow = Breakdown['rows'][number];

export interface BreakdownParams extends ScopeParams {
  targetId: number;
}

export async function getBreakdown(params: BreakdownParams, signal?: AbortSignal) {
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

export const breakdownQueryOptions = (params: BreakdownParams) =>
  queryOptions({
    queryKey: ['breakdown', { ...scopeKey(params), targetId: params.targetId }],
    queryFn: ({ signal }) => getBreakdown(params, signal),
  });

export const useBreakdown = (params: BreakdownParams | undefined) =>
  useShownQuery({
    ...breakdownQueryOptions(params ?? { termId: 0, targetId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
