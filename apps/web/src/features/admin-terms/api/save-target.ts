import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateFigures } from '../../../lib/figures-keys.ts';
import { termSetupQueryOptions } from './get-term-setup.ts';

export type TargetBody = InferRequestType<(typeof api.admin.terms)[':termId']['targets']['$post']>['json'];

/** Create (termId) or edit (id + version seen) a target; the answer carries allocation warnings. */
export async function saveTarget(input: {
  termId: number;
  id?: number;
  expectedVersion?: string;
  body: TargetBody;
}) {
  if (input.id === undefined) {
    return call(() =>
      api.admin.terms[':termId'].targets.$post({ param: { termId: String(input.termId) }, json: input.body }),
    );
  }
  const { id } = input;
  return call(() =>
    api.admin.targets[':targetId'].$put({
      param: { targetId: String(id) },
      json: { ...input.body, expectedVersion: input.expectedVersion ?? '' },
    }),
  );
}

export function useSaveTarget(termId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTarget,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: termSetupQueryOptions(termId).queryKey });
      await invalidateFigures(queryClient);
    },
  });
}
