import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

/** Whether the installation still needs its first run (no account exists yet). */
export async function getSetup(signal?: AbortSignal) {
  const res = await request(() => api.setup.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const setupQueryOptions = () =>
  queryOptions({ queryKey: ['setup'], queryFn: ({ signal }) => getSetup(signal) });

export const useSetup = () => useQuery(setupQueryOptions());
