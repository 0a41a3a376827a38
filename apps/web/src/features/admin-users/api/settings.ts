import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.admin.settings;

/** The organisation's settings (separation of duties), for admins. */
export async function getSettings(signal?: AbortSignal) {
  return call(() => endpoint.$get(undefined, { init: { signal } }));
}

export const settingsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'settings'], queryFn: ({ signal }) => getSettings(signal) });

export const useSettings = () => useQuery(settingsQueryOptions());

export async function saveSettings(json: { separationOfDuties: boolean }) {
  return call(() => endpoint.$put({ json }));
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (settings) => client.setQueryData(settingsQueryOptions().queryKey, settings),
  });
}
