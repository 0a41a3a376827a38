import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { invalidateFigures } from '../../../lib/figures-keys.ts';
import { type EntryParams, entryGridQueryOptions } from './get-entry-grid.ts';

export type ReportAction = 'submit' | 'approve' | 'return';

export interface TransitionInput {
  action: ReportAction;
  comment?: string | null;
  /** The report's version the user saw; 409 when it changed meanwhile. */
  expectedVersion?: number | null;
}

export async function transitionReport(
  unitId: number,
  periodId: number,
  { action, comment, expectedVersion }: TransitionInput,
) {
  return call(() =>
    api.submissions[':unitId'][':periodId'][':action'].$post({
      param: { unitId: String(unitId), periodId: String(periodId), action },
      json: { comment: comment ?? null, ...(expectedVersion ? { expectedVersion } : {}) },
    }),
  );
}

/** Submit, approve or return the grid's report; the grid and every figure are fetched again. */
export function useTransitionReport(params: EntryParams) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => transitionReport(params.unitId, params.periodId, input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: entryGridQueryOptions(params).queryKey }),
        invalidateFigures(queryClient),
      ]),
  });
}
