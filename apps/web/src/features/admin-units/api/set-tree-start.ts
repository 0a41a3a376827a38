import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units.start;

export async function setTreeStart(validFrom: string) {
  const res = await request(() => endpoint.$put({ json: { validFrom } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useSetTreeStart() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setTreeStart, onSuccess: () => invalidateUnits(client) });
}
