import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.admin.indicators;
export type AdminIndicator = InferResponseType<typeof endpoint.$get, 200>[number];

export async function getIndicators(signal?: AbortSignal) {
  return call(() => endpoint.$get(undefined, { init: { signal } }));
}

export const indicatorsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'indicators'], queryFn: ({ signal }) => getIndicators(signal) });

export const useIndicators = () => useQuery(indicatorsQueryOptions());
