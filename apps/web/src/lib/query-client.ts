import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isRetryable } from './api-client.ts';

/**
 * The app's query client. `onUnauthorized` runs when any request is answered 401 (the session
 * ended), so the app can ask the user to sign in again.
 */
export function createQueryClient(onUnauthorized: (client: QueryClient) => void = () => {}) {
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) onUnauthorized(client);
  };
  const client: QueryClient = new QueryClient({
    // A save or a workflow step answered 401 also means the session ended (typed text stays in
    // the entry grid's local drafts, so signing in again loses nothing).
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Figures change only when someone enters results; the API's ETags make refetches cheap.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; network and 5xx errors get two more tries.
        retry: (failures, error) => isRetryable(error) && failures < 2,
      },
    },
  });
  return client;
}
