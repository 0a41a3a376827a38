import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { KEEP, ME_KEY } from './get-me.ts';

export async function logout(): Promise<void> {
  await call(() => api.auth.logout.$post());
}

/** Sign out and forget every figure fetched for this user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => !KEEP.has(String(query.queryKey[0])) });
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
