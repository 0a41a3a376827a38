import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../lib/api-client.ts';
import { useShownQuery } from '../lib/query.ts';

const endpoint = api.units;
export type UnitTree = InferResponseType<typeof endpoint.$get, 200>;
export type TreeUnit = UnitTree['units'][number];

export async function getUnits(structureVersionId: number | undefined, signal?: AbortSignal) {
  const query = structureVersionId === undefined ? {} : { structureVersionId: String(structureVersionId) };
  return call(() => endpoint.$get({ query }, { init: { signal } }));
}

export const unitsQueryOptions = (structureVersionId: number | undefined) =>
  queryOptions({
    queryKey: ['units', { structureVersionId }],
    queryFn: ({ signal }) => getUnits(structureVersionId, signal),
    staleTime: 5 * 60_000,
  });

export const useUnits = (structureVersionId: number | undefined, enabled = true) =>
  useShownQuery({
    ...unitsQueryOptions(structureVersionId),
    enabled,
    placeholderData: keepPreviousData,
  });
