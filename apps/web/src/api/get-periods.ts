import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../lib/api-client.ts';
import { useShownQuery } from '../lib/query.ts';

const endpoint = api.terms[':termId'].periods;
export type Period = InferResponseType<typeof endpoint.$get, 200>[number];

export async function getPeriods(termId: number, signal?: AbortSignal) {
  return call(() => endpoint.$get({ param: { termId: String(termId) } }, { init: { signal } }));
}

export const periodsQueryOptions = (termId: number) =>
  queryOptions({
    queryKey: ['periods', { termId }],
    queryFn: ({ signal }) => getPeriods(termId, signal),
    staleTime: 5 * 60_000,
  });

export const usePeriods = (termId: number | undefined) =>
  useShownQuery({ ...periodsQueryOptions(termId ?? 0), enabled: termId !== undefined });
