import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { ME_KEY } from './get-me.ts';

export async function changePassword(json: { currentPassword: string; newPassword: string }) {
  return call(() => api.auth.password.$post({ json }));
}

/** Change one's own password; the "must change" flag then clears, so the user record is read again. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}
