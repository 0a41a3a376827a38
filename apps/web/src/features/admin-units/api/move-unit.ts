import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units[':id'].move;

export async function moveUnit({ id, version, parentId }: { id: number; version: string; parentId: number }) {
  const res = await request(() => endpoint.$post({ param: { id: String(id) }, json: { version, parentId } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useMoveUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: moveUnit, onSuccess: () => invalidateUnits(client) });
}
