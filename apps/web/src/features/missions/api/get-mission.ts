import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { type ScopeParams, scopeKey, scopeQuery } from '../../overview/api/scope.ts';

const endpoint = api.terms[':termId'].missions[':mission'];
export type MissionView = InferResponseType<typeof endpoint.$get, 200>;
export type Mission = MissionView['mission'];
export const MISSION_NAMES: readonly Mission[] = ['poverty', 'rural', 'grassroots'];

export interface MissionParams extends ScopeParams {
  mission: Mission;
}

export async function getMission(params: MissionParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      { param: { termId: String(params.termId), mission: params.mission }, query: scopeQuery(params) },
      { init: { signal } },
    ),
  );
}

export const missionQueryOptions = (params: MissionParams) =>
  queryOptions({
    queryKey: ['mission', { ...scopeKey(params), mission: params.mission }],
    queryFn: ({ signal }) => getMission(params, signal),
  });

export const useMission = (params: MissionParams | undefined) =>
  useQuery({
    ...missionQueryOptions(params ?? { termId: 0, mission: 'poverty' }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
