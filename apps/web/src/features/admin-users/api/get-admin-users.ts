import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

const endpoint = api.admin.users;
export type AdminUser = InferResponseType<typeof endpoint.$get, 200>[number];

export async function getAdminUsers(signal?: AbortSignal) {
  const res = await request(() => endpoint.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const adminUsersQueryOptions = () =>
  queryOptions({ queryKey: ['admin-users'], queryFn: ({ signal }) => getAdminUsers(signal) });

export const useAdminUsers = () => useQuery(adminUsersQueryOptions());
