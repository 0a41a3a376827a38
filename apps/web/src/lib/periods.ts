/**
 * Reporting periods in words: '6 tháng cuối năm 2024', 'Năm 2024', 'Quý II năm 2024', the same
 * names the Excel template uses, and which period a form opens on by default.
 */
import { formatDate, type PeriodKind, type ReportState } from '@chitieu/core';
import { t } from '../i18n.ts';

export interface PeriodLike {
  id: number;
  kind: PeriodKind;
  startDate: string;
  endDate: string;
  deadline: string;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

export function periodName(p: Pick<PeriodLike, 'kind' | 'startDate'>): string {
  const year = p.startDate.slice(0, 4);
  const month = Number(p.startDate.slice(5, 7));
  if (p.kind === 'year') return t('period.year', { year });
  if (p.kind === 'half') return t(month <= 6 ? 'period.firstHalf' : 'period.secondHalf', { year });
  return t('period.quarter', { quarter: QUARTERS[Math.floor((month - 1) / 3)] ?? '', year });
}

/** A shorter name for table headers: '6T cuối 2024'. */
export function periodShortName(p: Pick<PeriodLike, 'kind' | 'startDate'>): string {
  const year = p.startDate.slice(0, 4);
  const month = Number(p.startDate.slice(5, 7));
  if (p.kind === 'year') return year;
  if (p.kind === 'half') return t(month <= 6 ? 'period.firstHalfShort' : 'period.secondHalfShort', { year });
  return `Q${Math.floor((month - 1) / 3) + 1}/${year}`;
}

/** '6 tháng cuối năm 2024 · hạn nộp 10/01/2025', for the period picker. */
export function periodOption(p: PeriodLike): string {
  return t('period.option', { name: periodName(p), deadline: formatDate(p.deadline) });
}

/** '01/07/2024 – 31/12/2024'. */
export function periodRange(p: Pick<PeriodLike, 'startDate' | 'endDate'>): string {
  return `${formatDate(p.startDate)} – ${formatDate(p.endDate)}`;
}

/** Periods that have begun by `today`, newest first: the ones a form can be filled for. */
export function openPeriods<P extends PeriodLike>(periods: readonly P[], today: string): P[] {
  return periods.filter((p) => p.startDate <= today).sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/**
 * The period a form opens on: the latest one that has ended (its report is what is due), else the
 * current one, else the first.
 */
export function defaultPeriod<P extends PeriodLike>(periods: readonly P[], today: string): P | undefined {
  const open = openPeriods(periods, today);
  return open.find((p) => p.endDate < today) ?? open[0] ?? periods[0];
}

/** A unit's report for one period, as the reporting cockpit gives it. */
export interface PeriodReport {
  periodId: number;
  state: ReportState;
  /** The period is inside the unit's life. */
  applies: boolean;
  overdue: boolean;
}

/**
 * The period a clerk's form opens on: the oldest report still owed (past its deadline and not sent,
 * or sent back), so four overdue half-years are not hidden behind the newest one; when nothing is
 * owed, defaultPeriod's.
 */
export function periodToOpen<P extends PeriodLike>(
  periods: readonly P[],
  reports: readonly PeriodReport[],
  today: string,
): P | undefined {
  const owed = new Set(
    reports.filter((r) => r.applies && (r.overdue || r.state === 'returned')).map((r) => r.periodId),
  );
  const oldestFirst = [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return oldestFirst.find((p) => owed.has(p.id)) ?? defaultPeriod(periods, today);
}
