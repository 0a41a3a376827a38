import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.entry;
export type EntryGrid = InferResponseType<typeof endpoint.$get, 200>;
export type EntryRow = EntryGrid['rows'][number];
export type EntryResult = NonNullable<EntryRow['result']>;

export interface EntryParams {
  termId: number;
  unitId: number;
  periodId: number;
}

export async function getEntryGrid(params: EntryParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      {
        query: {
          termId: String(params.termId),
          unitId: String(params.unitId),
          periodId: String(params.periodId),
        },
      },
      { init: { signal } },
    ),
  );
}

export const entryGridQueryOptions = (params: EntryParams) =>
  queryOptions({
    queryKey: ['entry', { termId: params.termId, unitId: params.unitId, periodId: params.periodId }],
    queryFn: ({ signal }) => getEntryGrid(params, signal),
    // What others saved matters while typing: ask again when coming back to the page.
    staleTime: 0,
  });

export const useEntryGrid = (params: EntryParams | undefined) =>
  useQuery({
    ...entryGridQueryOptions(params ?? { termId: 0, unitId: 0, periodId: 0 }),
    enabled: params !== undefined,
  });

/** Put one stored result into the cached grid (after a save, or the value that won a conflict). */
export function replaceRowResult(
  queryClient: QueryClient,
  params: EntryParams,
  indicatorId: number,
  result: EntryResult | null,
): void {
  queryClient.setQueryData(entryGridQueryOptions(params).queryKey, (grid: EntryGrid | undefined) =>
    grid === undefined
      ? grid
      : {
          ...grid,
          rows: grid.rows.map((row) => (row.indicator.id === indicatorId ? { ...row, result } : row)),
        },
  );
}
