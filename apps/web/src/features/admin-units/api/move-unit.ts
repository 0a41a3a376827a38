import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units[':id'].move;

export async function moveUnit({ id, version, parentId }: { id: number; version: string; parentId: number }) {
  return call(() => endpoint.$post({ param: { id: String(id) }, json: { version, parentId } }));
}

export function useMoveUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: moveUnit, onSuccess: () => invalidateUnits(client) });
}
