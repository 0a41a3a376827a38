import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'].roles[':roleId'];

export async function removeRole({ userId, roleId }: { userId: number; roleId: number }) {
  return call(() => endpoint.$delete({ param: { id: String(userId), roleId: String(roleId) } }));
}

export function useRemoveRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: removeRole,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
