import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../lib/api-client.ts';
import { useShownQuery } from '../lib/query.ts';

const endpoint = api['structure-versions'];
export type StructureVersion = InferResponseType<typeof endpoint.$get, 200>[number];

export async function getStructureVersions(signal?: AbortSignal) {
  return call(() => endpoint.$get({}, { init: { signal } }));
}

export const structureVersionsQueryOptions = () =>
  queryOptions({
    queryKey: ['structure-versions'],
    queryFn: ({ signal }) => getStructureVersions(signal),
    staleTime: 5 * 60_000,
  });

export const useStructureVersions = () => useShownQuery(structureVersionsQueryOptions());
