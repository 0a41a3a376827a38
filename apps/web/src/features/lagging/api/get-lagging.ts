import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { type ScopeParams, scopeKey, scopeQuery } from '../../overview/api/scope.ts';

const endpoint = api.terms[':termId'].lagging;
export type Lagging = InferResponseType<typeof endpoint.$get, 200>;
export type LaggingRow = Lagging['rows'][number];

export async function getLagging(params: ScopeParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      { param: { termId: String(params.termId) }, query: scopeQuery(params) },
      { init: { signal } },
    ),
  );
}

export const laggingQueryOptions = (params: ScopeParams) =>
  queryOptions({
    queryKey: ['lagging', scopeKey(params)],
    queryFn: ({ signal }) => getLagging(params, signal),
  });

/** The previous ranking stays on screen while another unit or date loads. */
export const useLagging = (params: ScopeParams | undefined) =>
  useQuery({
    ...laggingQueryOptions(params ?? { termId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
