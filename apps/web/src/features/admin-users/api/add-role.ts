import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'].roles;
export type RoleInput = InferRequestType<typeof endpoint.$post>['json'];

export async function addRole({ userId, ...json }: RoleInput & { userId: number }) {
  return call(() => endpoint.$post({ param: { id: String(userId) }, json }));
}

export function useAddRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: addRole,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
