import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';

const endpoint = api.admin.settings;

/** The organisation's settings (separation of duties), for admins. */
export async function getSettings(signal?: AbortSignal) {
  const res = await request(() => endpoint.$get(undefined, { init: { signal } }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export const settingsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'settings'], queryFn: ({ signal }) => getSettings(signal) });

export const useSettings = () => useQuery(settingsQueryOptions());

export async function saveSettings(json: { separationOfDuties: boolean }) {
  const res = await request(() => endpoint.$put({ json }));
  if (!res.ok) throw await apiErrorOf(res);
  return res.json();
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (settings) => client.setQueryData(settingsQueryOptions().queryKey, settings),
  });
}
