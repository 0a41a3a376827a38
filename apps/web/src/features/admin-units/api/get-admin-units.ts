import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

const endpoint = api.admin.units;
export type AdminUnit = InferResponseType<typeof endpoint.$get, 200>['units'][number];

export async function getAdminUnits(signal?: AbortSignal) {
  const res = await request(() => endpoint.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const adminUnitsQueryOptions = () =>
  queryOptions({ queryKey: ['admin-units'], queryFn: ({ signal }) => getAdminUnits(signal) });

export const useAdminUnits = () => useQuery(adminUnitsQueryOptions());
