import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../lib/api-client.ts';
import { useShownQuery } from '../../lib/query.ts';

const endpoint = api.notifications;
export type Notifications = InferResponseType<typeof endpoint.$get, 200>;
export type Notification = Notifications['items'][number];

export const NOTIFICATIONS_KEY = ['notifications'] as const;

async function getNotifications(signal?: AbortSignal) {
  return call(() => endpoint.$get({ query: {} }, { init: { signal } }));
}

/**
 * The signed-in user's notifications and unread count. They come from other people's actions, so
 * the header asks again every minute and whenever the window comes back into view.
 */
export const useNotifications = ({ fresh = false } = {}) =>
  useShownQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) => getNotifications(signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    ...(fresh && { refetchOnMount: 'always' as const }),
  });

/** Mark one read (or all, with id 'all'); the list and the header's count follow. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number | 'all') => {
      return call(() =>
        id === 'all'
          ? endpoint['read-all'].$post()
          : endpoint[':id'].read.$post({ param: { id: String(id) } }),
      );
    },
    onMutate: (id) => {
      // Read at once on screen; the answer (and a refetch) settles it.
      client.setQueryData<Notifications>(NOTIFICATIONS_KEY, (data) => {
        if (!data) return data;
        const now = new Date().toISOString();
        const items = data.items.map((n) =>
          (id === 'all' || n.id === id) && n.readAt === null ? { ...n, readAt: now } : n,
        );
        const marked = data.items.filter((n) => (id === 'all' || n.id === id) && n.readAt === null).length;
        return { unread: id === 'all' ? 0 : Math.max(0, data.unread - marked), items };
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
