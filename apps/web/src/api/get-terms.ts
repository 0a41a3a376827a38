import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../lib/api-client.ts';

export async function getTerms(signal?: AbortSignal) {
  const res = await request(() => api.terms.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const termsQueryOptions = () =>
  queryOptions({ queryKey: ['terms'], queryFn: ({ signal }) => getTerms(signal) });

export const useTerms = () => useQuery(termsQueryOptions());
