import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';
import { indicatorsQueryOptions } from './get-indicators.ts';

export type IndicatorBody = InferRequestType<typeof api.admin.indicators.$post>['json'];

/** Create (no id) or edit (id and the version the editor saw) an indicator. */
export async function saveIndicator(input: { id?: number; expectedVersion?: string; body: IndicatorBody }) {
  if (input.id === undefined) {
    return call(() => api.admin.indicators.$post({ json: input.body }));
  }
  const { id } = input;
  return call(() =>
    api.admin.indicators[':indicatorId'].$put({
      param: { indicatorId: String(id) },
      json: { ...input.body, expectedVersion: input.expectedVersion ?? '' },
    }),
  );
}

export function useSaveIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveIndicator,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorsQueryOptions().queryKey }),
  });
}
