import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { invalidateFigures } from '../../../lib/figures-keys.ts';
import { type EntryParams, entryGridQueryOptions } from './get-entry-grid.ts';

const endpoints = api.entry.import;
export type ImportPreview = InferResponseType<typeof endpoints.preview.$post, 200>;
export type ImportApplied = InferResponseType<typeof endpoints.apply.$post, 200>;

const query = (params: EntryParams) => ({
  termId: String(params.termId),
  unitId: String(params.unitId),
  periodId: String(params.periodId),
});

/** The file goes as a multipart form (the routes also take the bare bytes). */
async function upload<T>(url: URL, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await request(() => fetch(url, { method: 'POST', body: form, credentials: 'same-origin' }));
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as T;
}

/** Read a filled-in template and say what it would change (nothing is written). */
export const previewImport = (params: EntryParams, file: File) =>
  upload<ImportPreview>(endpoints.preview.$url({ query: query(params) }), file);

/** Write the file's figures (all or nothing). */
export const applyImport = (params: EntryParams, file: File) =>
  upload<ImportApplied>(endpoints.apply.$url({ query: query(params) }), file);

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
  return api.entry['template.xlsx'].$url({ query: query(params) }).href;
}
