import type { PeriodKind } from '@chitieu/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api-client.ts';
import { termSetupQueryOptions } from './get-term-setup.ts';

export async function generatePeriods(input: { termId: number; kinds: PeriodKind[] }) {
  return call(() =>
    api.admin.terms[':termId'].periods.$post({
      param: { termId: String(input.termId) },
      json: { kinds: input.kinds },
    }),
  );
}

export async function savePeriodDeadline(input: {
  periodId: number;
  deadline: string;
  expectedVersion: string;
}) {
  return call(() =>
    api.admin.periods[':periodId'].$put({
      param: { periodId: String(input.periodId) },
      json: { deadline: input.deadline, expectedVersion: input.expectedVersion },
    }),
  );
}

export function useGeneratePeriods(termId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generatePeriods,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: termSetupQueryOptions(termId).queryKey }),
  });
}

export function useSavePeriodDeadline(termId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePeriodDeadline,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: termSetupQueryOptions(termId).queryKey }),
  });
}
