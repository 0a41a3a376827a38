import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, apiErrorOf, request } from '../../../lib/api-client.ts';
import { invalidateUnits } from './invalidate.ts';

const endpoint = api.admin.units.import;
type ImportResponse = InferResponseType<typeof endpoint.$post, 200>;
export type TreePreview = Extract<ImportResponse, { rows: unknown }>;
export type TreeApplied = Extract<ImportResponse, { applied: true }>;

/** The file goes as a multipart form (the route also takes the bare bytes). */
async function upload(file: File, apply: boolean): Promise<ImportResponse> {
  const url = endpoint.$url({ query: apply ? { apply: 'true' } : {} });
  const form = new FormData();
  form.append('file', file);
  const res = await request(() => fetch(url, { method: 'POST', body: form, credentials: 'same-origin' }));
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as ImportResponse;
}

export async function previewTree(file: File): Promise<TreePreview> {
  const body = await upload(file, false);
  if (!('rows' in body)) throw new Error('unexpected import answer');
  return body;
}

export async function applyTree(file: File): Promise<TreeApplied> {
  const body = await upload(file, true);
  if (!('applied' in body)) throw new Error('unexpected import answer');
  return body;
}

export const usePreviewTree = () => useMutation({ mutationFn: previewTree });

export function useApplyTree() {
  const client = useQueryClient();
  return useMutation({ mutationFn: applyTree, onSuccess: () => invalidateUnits(client) });
}

export const exportUrl = (format: 'csv' | 'xlsx') =>
  (format === 'csv' ? api.admin.units['export.csv'] : api.admin.units['export.xlsx']).$url().href;
