import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.admin.units;
export type AdminUnit = InferResponseType<typeof endpoint.$get, 200>['units'][number];

export async function getAdminUnits(signal?: AbortSignal) {
  return call(() => endpoint.$get(undefined, { init: { signal } }));
}

export const adminUnitsQueryOptions = () =>
  queryOptions({ queryKey: ['admin-units'], queryFn: ({ signal }) => getAdminUnits(signal) });

export const useAdminUnits = () => useQuery(adminUnitsQueryOptions());
