import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.admin.users;
export type AdminUser = InferResponseType<typeof endpoint.$get, 200>[number];

export async function getAdminUsers(signal?: AbortSignal) {
  return call(() => endpoint.$get(undefined, { init: { signal } }));
}

export const adminUsersQueryOptions = () =>
  queryOptions({ queryKey: ['admin-users'], queryFn: ({ signal }) => getAdminUsers(signal) });

export const useAdminUsers = () => useQuery(adminUsersQueryOptions());
