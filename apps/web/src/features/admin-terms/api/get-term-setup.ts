import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.admin.terms[':termId'];
export type TermSetup = InferResponseType<typeof endpoint.$get, 200>;
export type AdminTarget = TermSetup['targets'][number];
export type AdminPeriod = TermSetup['periods'][number];

export async function getTermSetup(termId: number, signal?: AbortSignal) {
  return call(() => endpoint.$get({ param: { termId: String(termId) } }, { init: { signal } }));
}

export const termSetupQueryOptions = (termId: number) =>
  queryOptions({
    queryKey: ['admin', 'term', { termId }],
    queryFn: ({ signal }) => getTermSetup(termId, signal),
  });

export const useTermSetup = (termId: number | undefined) =>
  useQuery({ ...termSetupQueryOptions(termId ?? 0), enabled: termId !== undefined });
