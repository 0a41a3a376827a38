import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { type ScopeParams, scopeKey, scopeQuery } from '../../overview/api/scope.ts';

const endpoint = api.terms[':termId'].compare;
export type Compare = InferResponseType<typeof endpoint.$get, 200>;
export type CompareRow = Compare['rows'][number];

export interface CompareParams extends ScopeParams {
  unitId2?: number | undefined;
  asOf2?: string | undefined;
}

export async function getCompare(params: CompareParams, signal?: AbortSignal) {
  const query = {
    ...scopeQuery(params),
    ...(params.unitId2 === undefined ? {} : { unitId2: String(params.unitId2) }),
    ...(params.asOf2 === undefined ? {} : { asOf2: params.asOf2 }),
  };
  return call(() => endpoint.$get({ param: { termId: String(params.termId) }, query }, { init: { signal } }));
}

export const compareQueryOptions = (params: CompareParams) =>
  queryOptions({
    queryKey: ['compare', { ...scopeKey(params), unitId2: params.unitId2, asOf2: params.asOf2 }],
    queryFn: ({ signal }) => getCompare(params, signal),
  });

export const useCompare = (params: CompareParams | undefined) =>
  useQuery({
    ...compareQueryOptions(params ?? { termId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
