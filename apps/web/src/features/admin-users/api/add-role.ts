import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'].roles;
export type RoleInput = InferRequestType<typeof endpoint.$post>['json'];

export async function addRole({ userId, ...json }: RoleInput & { userId: number }) {
  const res = await request(() => endpoint.$post({ param: { id: String(userId) }, json }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useAddRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: addRole,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
