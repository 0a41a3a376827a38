/**
 * The report page's address: `?page=report&term=1&kind=mid_term&unit=5&asOf=2024-06-30&basis=approved&sv=1`
 * (the overview's scope parameters, plus `kind`). Missing parts are filled by the API: the term's
 * owner unit (or the user's own), the report's as-of date, approved figures, the structure in force.
 */
import type { ReportKind, ReportParams } from './api.ts';

const KINDS: readonly ReportKind[] = ['mid_term', 'end_of_term', 'yearly'];

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/** The report's parameters from a search string; undefined when there is no valid term. */
export function reportParamsFromSearch(search: string): ReportParams | undefined {
  const q = new URLSearchParams(search);
  const termId = positiveInt(q.get('term'));
  if (termId === undefined) return undefined;
  const kind = q.get('kind') as ReportKind | null;
  const basis = q.get('basis');
  const asOf = q.get('asOf')?.trim();
  return {
    termId,
    kind: kind && KINDS.includes(kind) ? kind : 'mid_term',
    unitId: positiveInt(q.get('unit')),
    asOf: asOf || undefined,
    basis: basis === 'approved' || basis === 'submitted' ? basis : undefined,
    structureVersionId: positiveInt(q.get('sv')),
  };
}

/** The search string that opens the report page for an overview's scope. */
export function reportSearch(p: ReportParams): string {
  const q = new URLSearchParams({ page: 'report', term: String(p.termId), kind: p.kind });
  if (p.unitId !== undefined) q.set('unit', String(p.unitId));
  if (p.asOf !== undefined) q.set('asOf', p.asOf);
  if (p.basis !== undefined) q.set('basis', p.basis);
  if (p.structureVersionId !== undefined) q.set('sv', String(p.structureVersionId));
  return `?${q.toString()}`;
}
