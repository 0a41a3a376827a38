import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

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
    const res = await request(() =>
      api.admin.terms[':termId'].copy.$post({ param: { termId: String(copyFrom) }, json: input.body }),
    );
    if (!res.ok) throw await apiErrorOf(res);
    return (await res.json()).term;
  }
  if (id !== undefined) {
    const res = await request(() =>
      api.admin.terms[':termId'].$put({
        param: { termId: String(id) },
        json: { ...input.body, expectedVersion: input.expectedVersion ?? '' },
      }),
    );
    if (!res.ok) throw await apiErrorOf(res);
    return res.json();
  }
  const res = await request(() => api.admin.terms.$post({ json: input.body }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
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
