import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../lib/api-client.ts';
import { useShownQuery } from '../lib/query.ts';

export async function getTerms(signal?: AbortSignal) {
  return call(() => api.terms.$get(undefined, { init: { signal } }));
}

export const termsQueryOptions = () =>
  queryOptions({ queryKey: ['terms'], queryFn: ({ signal }) => getTerms(signal) });

export const useTerms = () => useShownQuery(termsQueryOptions());
