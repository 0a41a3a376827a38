import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { metaQueryOptions } from '../../../api/get-meta.ts';
import { api, call } from '../../../lib/api-client.ts';
import { ME_KEY } from '../../auth/api/get-me.ts';
import { login } from '../../auth/api/login.ts';
import { setupQueryOptions } from './get-setup.ts';

export type SetupInput = InferRequestType<typeof api.setup.$post>['json'];

/** Create the organisation and its first admin, then sign that admin in. */
export async function runSetup(json: SetupInput) {
  await call(() => api.setup.$post({ json }));
  return login({ username: json.username, password: json.password });
}

export function useRunSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runSetup,
    onSuccess: async (me) => {
      // The token is spent: keep it out of the address bar and history.
      const url = new URL(window.location.href);
      if (url.searchParams.has('setup')) {
        url.searchParams.delete('setup');
        window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
      }
      client.setQueryData(setupQueryOptions().queryKey, { needed: false });
      await client.invalidateQueries({ queryKey: metaQueryOptions().queryKey });
      client.setQueryData(ME_KEY, me);
    },
  });
}
