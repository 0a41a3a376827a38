import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateFigures } from '../../../lib/figures-keys.ts';

const endpoint = api.admin.targets[':targetId'].allocations;
export type AllocationEditorData = InferResponseType<typeof endpoint.$get, 200>;

export async function getAllocations(
  targetId: number,
  parentUnitId: number | undefined,
  signal?: AbortSignal,
) {
  const query = parentUnitId === undefined ? {} : { parentUnitId: String(parentUnitId) };
  return call(() => endpoint.$get({ param: { targetId: String(targetId) }, query }, { init: { signal } }));
}

export const allocationsQueryOptions = (targetId: number, parentUnitId?: number) =>
  queryOptions({
    queryKey: ['admin', 'allocations', { targetId, parentUnitId }],
    queryFn: ({ signal }) => getAllocations(targetId, parentUnitId, signal),
  });

export const useAllocations = (targetId: number, parentUnitId?: number) =>
  useQuery(allocationsQueryOptions(targetId, parentUnitId));

export async function saveAllocations(input: {
  targetId: number;
  parentUnitId?: number | undefined;
  expectedVersion: string;
  allocations: { unitId: number; goal: string }[];
}) {
  return call(() =>
    endpoint.$put({
      param: { targetId: String(input.targetId) },
      json: {
        ...(input.parentUnitId === undefined ? {} : { parentUnitId: input.parentUnitId }),
        expectedVersion: input.expectedVersion,
        allocations: input.allocations,
      },
    }),
  );
}

export function useSaveAllocations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAllocations,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      await invalidateFigures(queryClient);
    },
  });
}
