/** Preview and apply a merge map (POST /api/reorganisations[/preview]); one form for both. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../../lib/api-client.ts';

export type ReorganisationPlan = InferResponseType<typeof api.reorganisations.preview.$post, 200>;
export type ReorganisationResult = InferResponseType<typeof api.reorganisations.$post, 200>;

export interface MapInput {
  file: File;
  effectiveDate: string;
  /** Old code of a partial unit → the new code its results go to. */
  designations: Record<string, string>;
  /** Code → name of a new parent unit. */
  parentNames: Record<string, string>;
  /** Code → type of a new parent unit (chosen: a name need not say it). */
  parentTypes: Record<string, string>;
  /** Apply only onto the structure the preview showed. */
  previousVersionId?: number;
}

const form = (input: MapInput) => ({
  file: input.file,
  effectiveDate: input.effectiveDate,
  designations: JSON.stringify(input.designations),
  parentNames: JSON.stringify(input.parentNames),
  parentTypes: JSON.stringify(input.parentTypes),
  ...(input.previousVersionId === undefined ? {} : { previousVersionId: String(input.previousVersionId) }),
});

export async function previewReorganisation(input: MapInput): Promise<ReorganisationPlan> {
  return call(() => api.reorganisations.preview.$post({ form: form(input) }));
}

export async function applyReorganisation(input: MapInput): Promise<ReorganisationResult> {
  return call(() => api.reorganisations.$post({ form: form(input) }));
}

export const usePreviewReorganisation = () => useMutation({ mutationFn: previewReorganisation });

export function useApplyReorganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyReorganisation,
    // Units, structures, figures and the user's own role scopes (moved to successors) may all have
    // changed: everything cached is stale.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
