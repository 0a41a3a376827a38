import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { KEEP, ME_KEY } from './get-me.ts';

export async function logout(): Promise<void> {
  const res = await request(() => api.auth.logout.$post());
  if (!res.ok) throw await apiErrorOf(res);
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
