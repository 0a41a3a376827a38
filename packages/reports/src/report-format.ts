/**
 * A figure in words, as every report format writes it: DOCX, XLSX, the print view (through the API),
 * the charts and the tests all read these, so the figures are written one way, in @chitieu/core's
 * Vietnamese formats ('746', '2.986', '11,54 tỷ đồng', '106,6%', '124/124 cơ sở').
 */
import {
  formatInteger,
  formatMoney,
  formatPercent,
  formatRatioPercent,
  formatScaled,
  type MoneyScale,
  moneyScale,
  periodName,
  type StatusKey,
} from '@chitieu/core';
import type { IndicatorInfo, ReportData } from '@chitieu/db';

type Figure = ReportData['targets'][number]['figure'];
type Target = ReportData['targets'][number];

export const UNREPORTED = 'Chưa báo cáo';
/** A reported 0/0 (no case arose): neither done nor owed, never shown as "not reported". */
export const NO_CASES = 'Không phát sinh';
/** The appendix's narrow cells: the abbreviation its legend explains. */
export const NO_CASES_SHORT = 'KPS';

/** The same words as the dashboard's badges. */
export const STATUS_LABELS: Record<StatusKey, string> = {
  exceeded: 'Vượt',
  achieved: 'Đạt',
  on_track: 'Có khả năng đạt',
  at_risk: 'Khó đạt',
  behind: 'Chưa đạt',
  unreported: UNREPORTED,
  noCases: NO_CASES,
  noGoal: 'Không có chỉ tiêu',
};

/** Shown wherever the term's figures are invented in part (the demo). */
export const ILLUSTRATIVE_NOTE =
  'Số liệu minh họa: tổng số khớp báo cáo sơ kết giữa nhiệm kỳ; phân bổ theo huyện, xã và theo từng kỳ báo cáo là minh họa.';
export const NO_DATA = 'Chưa có số liệu';

/** Why a figure has no value: a reported 0/0 (`NO_CASES`), or nothing reported (`unreported`). */
export function missingText(figure: { hasData: boolean }, unreported: string = UNREPORTED): string {
  return figure.hasData ? NO_CASES : unreported;
}

/**
 * "91/121 đơn vị đã báo cáo kỳ 6 tháng cuối năm 2024" while the period a figure stands at is not fully
 * reported; null once every unit expected has (the data date then says it all).
 */
export function coverageText(data: Pick<ReportData, 'periods'>, coverage: Figure['coverage']): string | null {
  if (!coverage || coverage.expected === 0 || coverage.reported >= coverage.expected) return null;
  const period = data.periods.find((p) => p.id === coverage.periodId);
  if (!period) return null;
  return `${formatInteger(coverage.reported)}/${formatInteger(coverage.expected)} đơn vị đã báo cáo kỳ ${periodName(period)}`;
}

export type IndicatorLike = Pick<IndicatorInfo, 'measureType' | 'decimals' | 'measurementUnit'>;

/**
 * A figure as the dashboard writes it: counts bare ('746', the unit is beside it), money with its unit
 * ('11,54 tỷ đồng'), shares as percentages ('83,8%'), units meeting a rule as '124/124 cơ sở'. Null
 * when nothing was reported. `short` leaves out the unit of units meeting and money.
 */
export function figureText(
  indicator: IndicatorLike,
  figure: Figure,
  opts: { short?: boolean } = {},
): string | null {
  const { value } = figure;
  if (value === null) return null;
  switch (indicator.measureType) {
    case 'units_meeting': {
      const count = `${formatInteger(figure.meeting)}/${formatInteger(figure.expected)}`;
      return opts.short ? count : `${count} ${indicator.measurementUnit}`;
    }
    case 'ratio':
      return formatPercent(value, indicator.decimals);
    case 'amount':
      return formatMoney(value, { short: opts.short === true });
    default:
      return formatScaled(value, indicator.decimals);
  }
}

/** A goal in the same terms: '700', '100%', '80%', '20 tỷ đồng'. */
export function goalText(indicator: IndicatorLike, goal: number | null): string {
  if (goal === null) return '—';
  switch (indicator.measureType) {
    case 'units_meeting':
    case 'ratio':
      return `${formatScaled(goal, indicator.decimals, { trimZeros: true })}%`;
    case 'amount':
      return formatMoney(goal);
    default:
      return formatScaled(goal, indicator.decimals);
  }
}

/** "% so với NQ", exact from the integers: '106,6%'. */
export function pctText(value: number | null, goal: number | null): string {
  if (value === null || goal === null || goal === 0) return '—';
  return formatRatioPercent(value, goal, 1);
}

/** ĐVT column: the indicator's unit; a share is counted in % of its units. */
export function unitText(indicator: IndicatorLike): string {
  return indicator.measureType === 'ratio' ? '%' : indicator.measurementUnit;
}

/** A related figure in words: 'Trị giá 11,54 tỷ đồng', or 'Name: value'. */
export function relatedText(indicator: IndicatorInfo, figure: Figure): string | null {
  const text = figureText(indicator, figure);
  if (text === null) return null;
  if (indicator.measureType === 'amount') return `Trị giá ${text}`;
  const unit =
    indicator.measureType === 'units_meeting' || indicator.measureType === 'ratio'
      ? ''
      : ` ${unitText(indicator)}`;
  return `${indicator.name}: ${text}${unit}`;
}

/**
 * The scale of a money row of the targets table: its goal and result are written in one unit, the
 * one the ĐVT column names ('tỷ đồng'), so the column never says 'đồng' over figures in tỷ.
 */
export function moneyRowScale(t: Pick<Target, 'goal' | 'figure'>): MoneyScale {
  return moneyScale([t.goal ?? 0, t.figure.value ?? 0]);
}
