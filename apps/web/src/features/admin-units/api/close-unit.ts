import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units[':id'].close;

export async function closeUnit({ id, version, date }: { id: number; version: string; date: string }) {
  return call(() => endpoint.$post({ param: { id: String(id) }, json: { version, date } }));
}

export function useCloseUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: closeUnit, onSuccess: () => invalidateUnits(client) });
}
