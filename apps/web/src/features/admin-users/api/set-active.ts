import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'];

export async function setActive({ userId, active }: { userId: number; active: boolean }) {
  return call(() => endpoint.$patch({ param: { id: String(userId) }, json: { active } }));
}

export function useSetActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setActive,
    onSettled: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
