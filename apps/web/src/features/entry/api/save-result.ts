import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateFigures } from '../../../lib/figures-keys.ts';
import { type EntryParams, entryGridQueryOptions, replaceRowResult } from './get-entry-grid.ts';

const endpoint = api.results;
export type SaveResultBody = InferRequestType<typeof endpoint.$put>['json'];
export type SavedResult = InferResponseType<typeof endpoint.$put, 200>;

/** Save one row as typed ('3.000', '11,54 tỷ'); 409 when someone else saved since `expectedVersion`. */
export async function saveResult(body: SaveResultBody): Promise<SavedResult> {
  return call(() => endpoint.$put({ json: body }));
}

/**
 * The grid's copy of the row takes the saved result (with its new version) at once, without
 * refetching the grid under the user's hands; the figures computed from results are invalidated.
 */
export function useSaveResult(params: EntryParams, displayName: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveResult,
    onSuccess: ({ result }) => {
      replaceRowResult(queryClient, params, result.indicatorId, { ...result, updatedByName: displayName });
      // The first save starts the report (Đang nhập): fetch the grid again for its state.
      const key = entryGridQueryOptions(params).queryKey;
      if (queryClient.getQueryData(key)?.submission === null)
        void queryClient.invalidateQueries({ queryKey: key });
      void invalidateFigures(queryClient);
    },
  });
}

export type ClearResultBody = InferRequestType<typeof endpoint.$delete>['json'];

/** Clear one row's stored value; 409 when someone else saved since `expectedVersion`. */
export async function clearResult(body: ClearResultBody) {
  return call(() => endpoint.$delete({ json: body }));
}

export function useClearResult(params: EntryParams) {
  const queryClient = useQueryClient();
  return useMutation({
    // The ids are numbers here (the request type says `unknown`: the API coerces them).
    mutationFn: (body: ClearResultBody & { indicatorId: number }) => clearResult(body),
    onSuccess: (_cleared, body) => {
      replaceRowResult(queryClient, params, body.indicatorId, null);
      void invalidateFigures(queryClient);
    },
  });
}
