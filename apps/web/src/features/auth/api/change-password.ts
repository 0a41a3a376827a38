import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { ME_KEY } from './get-me.ts';

export async function changePassword(json: { currentPassword: string; newPassword: string }) {
  const res = await request(() => api.auth.password.$post({ json }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

/** Change one's own password; the "must change" flag then clears, so the user record is read again. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}
