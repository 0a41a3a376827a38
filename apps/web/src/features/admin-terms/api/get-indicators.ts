import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

const endpoint = api.admin.indicators;
export type AdminIndicator = InferResponseType<typeof endpoint.$get, 200>[number];

export async function getIndicators(signal?: AbortSignal) {
  const res = await request(() => endpoint.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const indicatorsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'indicators'], queryFn: ({ signal }) => getIndicators(signal) });

export const useIndicators = () => useQuery(indicatorsQueryOptions());
