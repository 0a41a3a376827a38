import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { KEEP, ME_KEY, type Me } from './get-me.ts';

export interface Credentials {
  username: string;
  password: string;
}

export async function login(credentials: Credentials): Promise<Me> {
  return call(() => api.auth.login.$post({ json: credentials }));
}

/** Sign in; figures cached for someone else are dropped (what one may see depends on who one is). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => !KEEP.has(String(query.queryKey[0])) });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}
