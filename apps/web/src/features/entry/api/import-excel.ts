import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { invalidateFigures } from '../../../lib/figures-keys.ts';
import { type EntryParams, entryGridQueryOptions } from './get-entry-grid.ts';

const endpoint = api.entry.import;
type ImportResponse = InferResponseType<typeof endpoint.$post, 200>;
export type ImportPreview = Extract<ImportResponse, { changes: unknown }>;
export type ImportApplied = Extract<ImportResponse, { applied: number }>;

const query = (params: EntryParams, apply: boolean) => ({
  termId: String(params.termId),
  unitId: String(params.unitId),
  periodId: String(params.periodId),
  ...(apply ? { apply: 'true' as const } : {}),
});

/** The file goes as a multipart form (the route also takes the bare bytes). */
async function upload(params: EntryParams, file: File, apply: boolean): Promise<ImportResponse> {
  const url = endpoint.$url({ query: query(params, apply) });
  const form = new FormData();
  form.append('file', file);
  const res = await request(() => fetch(url, { method: 'POST', body: form, credentials: 'same-origin' }));
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as ImportResponse;
}

/** Read a filled-in template and say what it would change (nothing is written). */
export async function previewImport(params: EntryParams, file: File): Promise<ImportPreview> {
  const body = await upload(params, file, false);
  if (!('changes' in body)) throw new Error('unexpected import answer');
  return body;
}

/** Write the file's figures (all or nothing). */
export async function applyImport(params: EntryParams, file: File): Promise<ImportApplied> {
  const body = await upload(params, file, true);
  if (!('applied' in body)) throw new Error('unexpected import answer');
  return body;
}

export const usePreviewImport = (params: EntryParams) =>
  useMutation({ mutationFn: (file: File) => previewImport(params, file) });

export function useApplyImport(params: EntryParams) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => applyImport(params, file),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: entryGridQueryOptions(params).queryKey }),
        invalidateFigures(queryClient),
      ]),
  });
}

/** Address of the fill-in template for the grid's unit and period (a real file download). */
export function templateUrl(params: EntryParams): string {
  return api.entry['template.xlsx'].$url({ query: query(params, false) }).href;
}
