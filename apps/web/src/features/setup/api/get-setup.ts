import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';

/** Whether the installation still needs its first run (no account exists yet). */
export async function getSetup(signal?: AbortSignal) {
  return call(() => api.setup.$get(undefined, { init: { signal } }));
}

export const setupQueryOptions = () =>
  queryOptions({ queryKey: ['setup'], queryFn: ({ signal }) => getSetup(signal) });

export const useSetup = () => useQuery(setupQueryOptions());
