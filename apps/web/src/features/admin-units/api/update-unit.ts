import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units[':id'];
export type UnitEdit = InferRequestType<typeof endpoint.$patch>['json'];

export async function updateUnit({ id, ...json }: UnitEdit & { id: number }) {
  return call(() => endpoint.$patch({ param: { id: String(id) }, json }));
}

export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateUnit, onSettled: () => invalidateUnits(client) });
}
