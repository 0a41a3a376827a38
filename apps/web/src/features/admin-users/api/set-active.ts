import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'];

export async function setActive({ userId, active }: { userId: number; active: boolean }) {
  const res = await request(() => endpoint.$patch({ param: { id: String(userId) }, json: { active } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useSetActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setActive,
    onSettled: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
