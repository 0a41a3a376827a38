import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

export type TermBody = InferRequestType<typeof api.admin.terms.$post>['json'];

/** Create a term, edit one (id + version seen), or copy one's targets into a new term (copyFrom). */
export async function saveTerm(input: {
  id?: number;
  expectedVersion?: string;
  copyFrom?: number;
  body: TermBody;
}) {
  const { id, copyFrom } = input;
  if (copyFrom !== undefined) {
    const copied = await call(() =>
      api.admin.terms[':termId'].copy.$post({ param: { termId: String(copyFrom) }, json: input.body }),
    );
    return copied.term;
  }
  if (id !== undefined) {
    return call(() =>
      api.admin.terms[':termId'].$put({
        param: { termId: String(id) },
        json: { ...input.body, expectedVersion: input.expectedVersion ?? '' },
      }),
    );
  }
  return call(() => api.admin.terms.$post({ json: input.body }));
}

/** Terms appear in every page's term list and header: refresh them all. */
export function useSaveTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTerm,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['terms'] });
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
}
