import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'].password;

export async function resetPassword({ userId, password }: { userId: number; password: string }) {
  return call(() => endpoint.$post({ param: { id: String(userId) }, json: { password } }));
}

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
