/**
 * Reporting periods: their kinds and their Vietnamese names, once for API, web and exports.
 * Values are what arose in a period; periods of one kind never overlap (DESIGN.md "Period").
 */
export const PERIOD_KINDS = ['year', 'half', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodLike {
  kind: string;
  startDate: string;
  endDate: string;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** '6 tháng cuối năm 2024', 'Năm 2024', 'Quý II năm 2024'. */
export function periodName(p: Pick<PeriodLike, 'kind' | 'startDate'>): string {
  const year = p.startDate.slice(0, 4);
  const month = Number(p.startDate.slice(5, 7));
  if (p.kind === 'year') return `Năm ${year}`;
  if (p.kind === 'half') return `6 tháng ${month <= 6 ? 'đầu' : 'cuối'} năm ${year}`;
  return `Quý ${QUARTERS[Math.floor((month - 1) / 3)]} năm ${year}`;
}

/** '6T cuối 2024', 'Năm 2024', 'Quý II/2024': for tight places (chart axes, table cells). */
export function periodShortName(p: Pick<PeriodLike, 'kind' | 'startDate'>): string {
  const year = p.startDate.slice(0, 4);
  const month = Number(p.startDate.slice(5, 7));
  if (p.kind === 'year') return `Năm ${year}`;
  if (p.kind === 'half') return `6T ${month <= 6 ? 'đầu' : 'cuối'} ${year}`;
  return `Quý ${QUARTERS[Math.floor((month - 1) / 3)]}/${year}`;
}
