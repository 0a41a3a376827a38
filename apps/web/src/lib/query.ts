/**
 * `useQuery` for what a page only shows: an answer is drawn as a transition (docs/decisions/0036).
 *
 * TanStack Query's own hook hands answers over through `useSyncExternalStore`, which React always
 * renders synchronously, with the effects of that render (the next queries' fetches) in the same task:
 * on a phone each answer became one long task. Here the observer is the same, but an answer only bumps
 * a counter inside `startTransition`, so React draws it in slices and runs its effects afterwards.
 *
 * Not for data a write is made against (the entry grid's versions): a transition can be overtaken by
 * typing, and a save must carry the version that arrived, not the one last drawn.
 */
import {
  type DefaultError,
  notifyManager,
  type QueryKey,
  QueryObserver,
  type UseQueryOptions,
  type UseQueryResult,
  useQueryClient,
} from '@tanstack/react-query';
import { startTransition, useEffect, useReducer, useState } from 'react';

export function useShownQuery<
  TQueryFnData = unknown,
  TError = DefaultError,
  TData = TQueryFnData,
  TQueryKey extends QueryKey = QueryKey,
>(options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>): UseQueryResult<TData, TError> {
  const client = useQueryClient();
  const defaulted = client.defaultQueryOptions(options);
  // As TanStack's hook does: the result drawn now already counts the fetch the options will start.
  defaulted._optimisticResults = 'optimistic';
  const [observer] = useState(() => new QueryObserver(client, defaulted));
  const result = observer.getOptimisticResult(defaulted);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    observer.setOptions(defaulted);
  }, [defaulted, observer]);

  // Subscribing starts the fetch. Each query subscribes in a task of its own: a commit that opens five
  // queries (the overview's figures: trends, units, periods, two charts) otherwise started five fetches
  // and their timers in one task after it.
  // `result` is read once, when subscribing: later answers arrive through the subscription.
  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribe once per observer
  useEffect(() => {
    let unsubscribe = () => {};
    const subscribing = setTimeout(() => {
      unsubscribe = observer.subscribe(notifyManager.batchCalls(() => startTransition(redraw)));
      // What changed between drawing and subscribing (an answer already in the cache) is drawn too.
      observer.updateResult();
      if (observer.getCurrentResult() !== result) startTransition(redraw);
    });
    return () => {
      clearTimeout(subscribing);
      unsubscribe();
    };
  }, [observer]);

  // Only the fields the page reads make it redraw (as TanStack's hook does).
  return observer.trackResult(result) as UseQueryResult<TData, TError>;
}
