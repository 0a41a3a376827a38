import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'].password;

export async function resetPassword({ userId, password }: { userId: number; password: string }) {
  const res = await request(() => endpoint.$post({ param: { id: String(userId) }, json: { password } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
