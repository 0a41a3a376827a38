import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users[':id'];

/** Set (or clear, with '') the address a user's notifications are mailed to. */
export async function setEmail({ userId, email }: { userId: number; email: string }) {
  return call(() =>
    endpoint.$patch({ param: { id: String(userId) }, json: { email: email.trim() === '' ? null : email } }),
  );
}

export function useSetEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setEmail,
    onSettled: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
