import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { type ScopeParams, scopeKey, scopeQuery } from '../../overview/api/scope.ts';

const endpoint = api.terms[':termId'].targets[':targetId'];
export type TargetDetail = InferResponseType<typeof endpoint.$get, 200>;
export type TargetDetailRow = TargetDetail['rows'][number];
export type TargetDetailPoint = TargetDetail['points'][number];

export interface TargetDetailParams extends ScopeParams {
  targetId: number;
}

export async function getTargetDetail(params: TargetDetailParams, signal?: AbortSignal) {
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

export const targetDetailQueryOptions = (params: TargetDetailParams) =>
  queryOptions({
    queryKey: ['target-detail', { ...scopeKey(params), targetId: params.targetId }],
    queryFn: ({ signal }) => getTargetDetail(params, signal),
  });

/** The previous unit's or date's figures stay on screen while the next ones load. */
export const useTargetDetail = (params: TargetDetailParams | undefined) =>
  useQuery({
    ...targetDetailQueryOptions(params ?? { termId: 0, targetId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
