import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units.start;

export async function setTreeStart(validFrom: string) {
  return call(() => endpoint.$put({ json: { validFrom } }));
}

export function useSetTreeStart() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setTreeStart, onSuccess: () => invalidateUnits(client) });
}
