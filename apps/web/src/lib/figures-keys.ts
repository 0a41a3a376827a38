import type { QueryClient } from '@tanstack/react-query';

/**
 * Roots of the query keys whose answers are computed from results and report states: after a save
 * or a workflow step they are stale. (Each feature's query options build their keys from these.)
 */
export const FIGURE_KEY_ROOTS = [
  'dashboard',
  'breakdown',
  'series',
  'trends',
  'target-detail',
  'target-notes',
  'lagging',
  'mission',
  'compare',
  'report',
  'cockpit',
  'audit',
] as const;

export function invalidateFigures(queryClient: QueryClient) {
  return Promise.all(FIGURE_KEY_ROOTS.map((root) => queryClient.invalidateQueries({ queryKey: [root] })));
}
