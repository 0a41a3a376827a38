import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../lib/api-client.ts';

export async function getMeta(signal?: AbortSignal) {
  const res = await request(() => api.meta.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const metaQueryOptions = () =>
  queryOptions({ queryKey: ['meta'], queryFn: ({ signal }) => getMeta(signal), staleTime: 5 * 60_000 });

export const useMeta = () => useQuery(metaQueryOptions());
