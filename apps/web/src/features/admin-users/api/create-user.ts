import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users;
export type NewUser = InferRequestType<typeof endpoint.$post>['json'];

export async function createUser(json: NewUser) {
  const res = await request(() => endpoint.$post({ json }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
