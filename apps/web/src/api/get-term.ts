import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../lib/api-client.ts';

const endpoint = api.terms[':termId'];
export type TermDetail = InferResponseType<typeof endpoint.$get, 200>;
export type TargetDefinition = TermDetail['targets'][number];
export type Indicator = TargetDefinition['indicator'];

/** A term and its targets (with their indicators), e.g. to name and format audit entries. */
export async function getTerm(termId: number, signal?: AbortSignal) {
  return call(() => endpoint.$get({ param: { termId: String(termId) } }, { init: { signal } }));
}

export const termQueryOptions = (termId: number) =>
  queryOptions({
    queryKey: ['term', { termId }],
    queryFn: ({ signal }) => getTerm(termId, signal),
    staleTime: 5 * 60_000,
  });

export const useTerm = (termId: number | undefined) =>
  useQuery({ ...termQueryOptions(termId ?? 0), enabled: termId !== undefined });
