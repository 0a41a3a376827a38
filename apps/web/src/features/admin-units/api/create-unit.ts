import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units;
export type NewUnit = InferRequestType<typeof endpoint.$post>['json'];

export async function createUnit(json: NewUnit) {
  return call(() => endpoint.$post({ json }));
}

export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createUnit, onSuccess: () => invalidateUnits(client) });
}
