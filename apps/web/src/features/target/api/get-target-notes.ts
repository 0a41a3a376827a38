import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { scopeKey, scopeQuery } from '../../overview/api/scope.ts';
import type { TargetDetailParams } from './get-target-detail.ts';

const endpoint = api.terms[':termId'].targets[':targetId'].notes;
export type TargetNotes = InferResponseType<typeof endpoint.$get, 200>;
export type TargetNote = TargetNotes['items'][number];

export interface TargetNotesParams extends TargetDetailParams {
  limit: number;
  offset: number;
}

export async function getTargetNotes(params: TargetNotesParams, signal?: AbortSignal) {
  return call(() =>
    endpoint.$get(
      {
        param: { termId: String(params.termId), targetId: String(params.targetId) },
        query: { ...scopeQuery(params), limit: String(params.limit), offset: String(params.offset) },
      },
      { init: { signal } },
    ),
  );
}

export const targetNotesQueryOptions = (params: TargetNotesParams) =>
  queryOptions({
    queryKey: [
      'target-notes',
      { ...scopeKey(params), targetId: params.targetId, limit: params.limit, offset: params.offset },
    ],
    queryFn: ({ signal }) => getTargetNotes(params, signal),
  });

export const useTargetNotes = (params: TargetNotesParams | undefined) =>
  useQuery({
    ...targetNotesQueryOptions(params ?? { termId: 0, targetId: 0, limit: 1, offset: 0 }),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
