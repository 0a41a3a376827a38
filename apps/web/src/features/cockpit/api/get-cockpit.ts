import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

const endpoint = api.terms[':termId'].cockpit;
export type Cockpit = InferResponseType<typeof endpoint.$get, 200>;
export type CockpitUnit = Cockpit['units'][number];
export type CockpitPeriod = Cockpit['periods'][number];

export interface CockpitParams {
  termId: number;
  unitId: number;
}

/** Units × periods of a subtree with each report's state, and which are overdue. */
export async function getCockpit(params: CockpitParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      { param: { termId: String(params.termId) }, query: { unitId: String(params.unitId) } },
      { init: { signal } },
    ),
  );
}

export const cockpitQueryOptions = (params: CockpitParams) =>
  queryOptions({
    queryKey: ['cockpit', { termId: params.termId, unitId: params.unitId }],
    queryFn: ({ signal }) => getCockpit(params, signal),
  });

/** `fresh`: ask again whenever a page opens with it (the approver's inbox), not only once stale. */
export const useCockpit = (params: CockpitParams | undefined, { fresh = false } = {}) =>
  useQuery({
    ...cockpitQueryOptions(params ?? { termId: 0, unitId: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
    ...(fresh && { refetchOnMount: 'always' as const }),
  });
