import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { adminUsersQueryOptions } from './get-admin-users.ts';

const endpoint = api.admin.users;
export type NewUser = InferRequestType<typeof endpoint.$post>['json'];

export async function createUser(json: NewUser) {
  return call(() => endpoint.$post({ json }));
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
}
