import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.audit;
export type HistoryEvent = InferResponseType<typeof endpoint.$get, 200>[number];

/** Every change of one stored value, newest first. */
export async function getResultHistory(resultId: number, signal?: AbortSignal) {
  return call(() => endpoint.$get({ query: { resultId: String(resultId) } }, { init: { signal } }));
}

export const resultHistoryQueryOptions = (resultId: number) =>
  queryOptions({
    queryKey: ['audit', { resultId }],
    queryFn: ({ signal }) => getResultHistory(resultId, signal),
  });

export const useResultHistory = (resultId: number | undefined) =>
  useQuery({ ...resultHistoryQueryOptions(resultId ?? 0), enabled: resultId !== undefined });
