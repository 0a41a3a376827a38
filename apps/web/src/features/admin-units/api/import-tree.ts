import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoints = api.admin.units.import;
export type TreePreview = InferResponseType<typeof endpoints.preview.$post, 200>;
export type TreeApplied = InferResponseType<typeof endpoints.apply.$post, 200>;

/** The file goes as a multipart form (the routes also take the bare bytes). */
async function upload<T>(url: URL, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await request(() => fetch(url, { method: 'POST', body: form, credentials: 'same-origin' }));
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as T;
}

export const previewTree = (file: File) => upload<TreePreview>(endpoints.preview.$url(), file);

export const applyTree = (file: File) => upload<TreeApplied>(endpoints.apply.$url({ query: {} }), file);

export const usePreviewTree = () => useMutation({ mutationFn: previewTree });

export function useApplyTree() {
  const client = useQueryClient();
  return useMutation({ mutationFn: applyTree, onSuccess: () => invalidateUnits(client) });
}

export const exportUrl = (format: 'csv' | 'xlsx') =>
  (format === 'csv' ? api.admin.units['export.csv'] : api.admin.units['export.xlsx']).$url().href;
