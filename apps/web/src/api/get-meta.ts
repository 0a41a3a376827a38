import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../lib/api-client.ts';
import { useShownQuery } from '../lib/query.ts';

export async function getMeta(signal?: AbortSignal) {
  return call(() => api.meta.$get(undefined, { init: { signal } }));
}

export const metaQueryOptions = () =>
  queryOptions({ queryKey: ['meta'], queryFn: ({ signal }) => getMeta(signal), staleTime: 5 * 60_000 });

export const useMeta = () => useShownQuery(metaQueryOptions());
