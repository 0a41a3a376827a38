import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { useShownQuery } from '../../../lib/query.ts';

const endpoint = api.auth.me;
export type Me = NonNullable<InferResponseType<typeof endpoint.$get, 200>>;

export const ME_KEY = ['me'] as const;
/** Set when a signed-in session ends under the user (a 401): the sign-in page says why. */
export const SESSION_ENDED_KEY = ['session-ended'] as const;

/** The signed-in user, or null when nobody is. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  return call(() => endpoint.$get(undefined, { init: { signal } }));
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ME_KEY, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export const useMe = () => useShownQuery(meQueryOptions());

/** Queries that survive signing in or out: the sign-in state itself and public facts. */
export const KEEP = new Set(['me', 'meta']);
