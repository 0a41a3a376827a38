/**
 * What a report says, as text: the rows of the targets table, the headline sentence, the appendix,
 * file names, and the snapshot an issued report keeps. DOCX, XLSX, the print view (through the API)
 * and the tests all read these, so the figures are written one way, in @chitieu/core's Vietnamese
 * formats ('746', '2.986', '11,54 tỷ đồng', '106,6%', '124/124 cơ sở').
 */
import {
  formatDate,
  formatInteger,
  formatMoney,
  formatPercent,
  formatPlaceDate,
  formatRatioPercent,
  formatScaled,
  type TargetStatus,
} from '@chitieu/core';
import type { IndicatorInfo, ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';

type Figure = ReportData['targets'][number]['figure'];
type Target = ReportData['targets'][number];

export type StatusKey = TargetStatus | 'unreported' | 'noGoal';

/** The same words as the dashboard's badges. */
export const STATUS_LABELS: Record<StatusKey, string> = {
  exceeded: 'Vượt',
  achieved: 'Đạt',
  on_track: 'Có khả năng đạt',
  at_risk: 'Khó đạt',
  behind: 'Chưa đạt',
  unreported: 'Chưa báo cáo',
  noGoal: 'Không có chỉ tiêu',
};

/** Shown wherever the term's figures are invented in part (the demo). */
export const ILLUSTRATIVE_NOTE =
  'Số liệu minh họa: tổng số khớp báo cáo sơ kết giữa nhiệm kỳ; phân bổ theo huyện, xã và theo từng kỳ báo cáo là minh họa.';
export const NO_DATA = 'Chưa có số liệu';

export function statusKey(status: TargetStatus | null, value: number | null, goal: number | null): StatusKey {
  if (status !== null) return status;
  if (value === null) return 'unreported';
  return goal === null ? 'noGoal' : 'unreported';
}

type IndicatorLike = Pick<IndicatorInfo, 'measureType' | 'decimals' | 'measurementUnit'>;

/**
 * A figure as the report prints it: counts bare ('746', the unit is in its own column), money with
 * its unit ('11,54 tỷ đồng'), shares as percentages ('83,8%'), units meeting a rule as
 * '124/124 cơ sở'. Null when nothing was reported.
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

export interface TargetRowView {
  id: number;
  code: string;
  counted: boolean;
  /** 1, 2, … within its group (counted targets, then supplementary ones). */
  stt: number;
  name: string;
  shortName: string;
  unit: string;
  goal: string;
  result: string;
  pct: string;
  status: string;
  statusKey: StatusKey;
  note: string;
}

/** The rows of the targets table (STT | Chỉ tiêu | ĐVT | Chỉ tiêu NQ | Kết quả | Tỷ lệ % | Đánh giá | Ghi chú). */
export function targetRows(data: ReportData, kind: ReportKind): TargetRowView[] {
  let counted = 0;
  let supplementary = 0;
  return data.targets.map((t) => {
    const key = statusKey(t.status, t.figure.value, t.goal);
    return {
      id: t.id,
      code: t.code,
      counted: t.counted,
      stt: t.counted ? ++counted : ++supplementary,
      name: t.wording,
      shortName: t.shortName,
      unit: unitText(t.indicator),
      goal: goalText(t.indicator, t.goal),
      result: figureText(t.indicator, t.figure) ?? NO_DATA,
      pct: pctText(t.figure.value, t.goal),
      status: t.goal === null && t.figure.value !== null ? '—' : STATUS_LABELS[key],
      statusKey: key,
      note: noteText(t, kind),
    };
  });
}

function noteText(t: Target, kind: ReportKind): string {
  const notes: string[] = [];
  for (const r of t.relatedFigures) {
    const text = relatedText(r.indicator, r.figure);
    if (text) notes.push(text);
  }
  if (t.goalKind === 'allocation') notes.push('So với chỉ tiêu được giao');
  if (kind === 'mid_term' && t.midTermMilestone !== null && t.goalKind === 'term') {
    const milestone = goalText(t.indicator, t.midTermMilestone);
    const pct = pctText(t.figure.value, t.midTermMilestone);
    notes.push(`Mốc giữa nhiệm kỳ: ${milestone}${pct === '—' ? '' : ` (đạt ${pct})`}`);
  }
  if (
    t.indicator.measureType === 'units_meeting' &&
    t.figure.value !== null &&
    t.figure.reported < t.figure.expected
  ) {
    notes.push(`Đã báo cáo ${formatInteger(t.figure.reported)}/${formatInteger(t.figure.expected)}`);
  }
  return notes.join('; ');
}

/** "Hoàn thành 7/8 chỉ tiêu" and the sentence around it. */
export function headlineTexts(data: ReportData): { lead: string; rest: string } {
  const { done, counted } = data.headline;
  const where = data.scope.unit.name;
  const when = formatDate(data.scope.asOf);
  if (counted === 0) {
    return { lead: 'Chưa có chỉ tiêu được tính', rest: ` cho ${where} (số liệu tính đến ngày ${when}).` };
  }
  if (!data.hasResults) {
    return {
      lead: `Hoàn thành ${done}/${counted} chỉ tiêu`,
      rest: `: ${NO_DATA.toLowerCase()} — các đơn vị chưa báo cáo kết quả tính đến ngày ${when}.`,
    };
  }
  const lagging = data.targets
    .filter((t) => t.counted && t.goal !== null && t.status !== 'exceeded' && t.status !== 'achieved')
    .map((t) => {
      const key = statusKey(t.status, t.figure.value, t.goal);
      const pct = pctText(t.figure.value, t.goal);
      return `${t.shortName} (${STATUS_LABELS[key].toLowerCase()}${pct === '—' ? '' : `, ${pct} so với Nghị quyết`})`;
    });
  const tail = lagging.length > 0 ? `; chỉ tiêu chưa hoàn thành: ${lagging.join('; ')}` : '';
  return {
    lead: `Hoàn thành ${done}/${counted} chỉ tiêu`,
    rest: ` Nghị quyết đề ra (${where}, số liệu tính đến ngày ${when})${tail}.`,
  };
}

export interface AppendixView {
  columns: { id: number; code: string; shortName: string; unit: string }[];
  rows: { unitId: number; code: string; name: string; cells: string[]; total: boolean }[];
}

/** Results by unit: the scope's children × counted targets, then the scope's own total. */
export function appendixView(data: ReportData): AppendixView {
  const targets = data.targets.filter((t) => t.counted);
  const columns = targets.map((t) => ({
    id: t.id,
    code: t.code,
    shortName: t.shortName,
    unit: unitText(t.indicator),
  }));
  const cell = (t: Target, figure: Figure, allocation: number | null) => {
    const text = figureText(t.indicator, figure, { short: true });
    if (text === null) return '–';
    return allocation === null ? text : `${text}/${goalText(t.indicator, allocation)}`;
  };
  const rows: AppendixView['rows'] = data.children.map((child) => ({
    unitId: child.id,
    code: child.code,
    name: child.name,
    total: false,
    cells: targets.map((t) => {
      const row = data.breakdowns.find((b) => b.targetId === t.id)?.rows.find((r) => r.id === child.id);
      return row ? cell(t, row.figure, row.allocation) : '–';
    }),
  }));
  rows.push({
    unitId: data.scope.unit.id,
    code: data.scope.unit.code,
    name: `Toàn ${lowerFirst(data.scope.unit.name)}`,
    total: true,
    cells: targets.map((t) => cell(t, t.figure, null)),
  });
  return { columns, rows };
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** "Số: 45-BC/HPN", or the blank to fill by hand. */
export function numberLine(documentNumber: string): string {
  const n = documentNumber.trim();
  if (n === '') return 'Số:        /BC';
  return /^số\s*:/i.test(n) ? n : `Số: ${n}`;
}

/** "Phan Thiết, ngày 10 tháng 7 năm 2024"; without a date, the blanks of a draft. */
export function placeDateLine(place: string, reportDate: string | null): string {
  if (reportDate) return formatPlaceDate(place, reportDate);
  const blank = 'ngày      tháng      năm';
  return place.trim() ? `${place.trim()}, ${blank}` : blank;
}

/** "BÁO CÁO" and the summary line under it: split at a newline, or after the leading capitals. */
export function titleLines(title: string): string[] {
  const lines = title
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (lines.length !== 1) return lines;
  const m = /^((?:[\p{Lu}]+\s+)*[\p{Lu}]+)\s+(\p{Lu}\p{Ll}.*)$/u.exec(lines[0] as string);
  return m ? [m[1] as string, m[2] as string] : lines;
}

/** "(Kèm theo Báo cáo số 45-BC/HPN ngày 10/7/2024)" under the appendix title. */
export function appendixNote(settings: Pick<ReportSettingsInput, 'documentNumber' | 'reportDate'>): string {
  const number = settings.documentNumber.trim().replace(/^số\s*:\s*/i, '');
  const date = settings.reportDate;
  const when = date
    ? ` ngày ${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`
    : '';
  return `(Kèm theo Báo cáo${number ? ` số ${number}` : ''}${when})`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
export const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/** "Báo cáo sơ kết giữa nhiệm kỳ - Tỉnh Bình Thuận - 30-06-2024.docx" (made safe for a file name). */
export function reportFileName(kind: ReportKind, unitName: string, asOf: string, ext: string): string {
  const label = {
    mid_term: 'Báo cáo sơ kết giữa nhiệm kỳ',
    end_of_term: 'Báo cáo tổng kết nhiệm kỳ',
    yearly: 'Báo cáo năm',
  }[kind];
  const base = ext === 'csv' ? 'Dữ liệu chỉ tiêu' : label;
  const name = `${base} - ${unitName} - ${formatDate(asOf).replaceAll('/', '-')}`;
  return `${name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim()}.${ext}`;
}

// ---------------------------------------------------------------- snapshots of issued reports

export interface SnapshotFigure {
  /** unit code : target code : indicator code */
  key: string;
  label: string;
  value: number | null;
  text: string;
}

export interface ReportSnapshot {
  format: 1;
  scope: {
    termId: number;
    unitId: number;
    unitCode: string;
    unitName: string;
    asOf: string;
    basis: 'approved' | 'submitted';
    structureVersionId: number;
  };
  headline: { done: number; counted: number };
  figures: SnapshotFigure[];
  settings?: Pick<ReportSettingsInput, 'documentNumber' | 'reportDate' | 'title'>;
}

/** The figures a report shows, flat and keyed, to freeze with an issued report and compare later. */
export function snapshotOf(data: ReportData, settings?: ReportSnapshot['settings']): ReportSnapshot {
  const figures: SnapshotFigure[] = [];
  const add = (unit: { code: string; name: string }, t: Target, indicator: IndicatorInfo, figure: Figure) => {
    figures.push({
      key: `${unit.code}:${t.code}:${indicator.code}`,
      label: `${t.code} ${indicator.name} — ${unit.name}`,
      value: figure.value,
      text: figureText(indicator, figure) ?? NO_DATA,
    });
  };
  for (const t of data.targets) {
    add(data.scope.unit, t, t.indicator, t.figure);
    for (const r of t.relatedFigures) add(data.scope.unit, t, r.indicator, r.figure);
  }
  for (const b of data.breakdowns) {
    const t = data.targets.find((x) => x.id === b.targetId);
    if (!t) continue;
    for (const row of b.rows) {
      add(row, t, t.indicator, row.figure);
      for (const r of row.relatedFigures) add(row, t, r.indicator, r.figure);
    }
  }
  return {
    format: 1,
    scope: {
      termId: data.scope.term.id,
      unitId: data.scope.unit.id,
      unitCode: data.scope.unit.code,
      unitName: data.scope.unit.name,
      asOf: data.scope.asOf,
      basis: data.scope.basis,
      structureVersionId: data.scope.structureVersionId,
    },
    headline: data.headline,
    figures,
    ...(settings ? { settings } : {}),
  };
}

export interface SnapshotDifference {
  key: string;
  label: string;
  issued: string;
  live: string;
}

/** Where the live figures differ from an issued snapshot (same scope), headline first. */
export function compareSnapshots(issued: ReportSnapshot, live: ReportSnapshot): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const h = (x: ReportSnapshot) => `Hoàn thành ${x.headline.done}/${x.headline.counted} chỉ tiêu`;
  if (issued.headline.done !== live.headline.done || issued.headline.counted !== live.headline.counted) {
    out.push({ key: 'headline', label: 'Kết quả chung', issued: h(issued), live: h(live) });
  }
  const liveByKey = new Map(live.figures.map((f) => [f.key, f]));
  const seen = new Set<string>();
  for (const f of issued.figures) {
    seen.add(f.key);
    const now = liveByKey.get(f.key);
    if (!now) out.push({ key: f.key, label: f.label, issued: f.text, live: 'Không còn trong báo cáo' });
    else if (now.value !== f.value) out.push({ key: f.key, label: f.label, issued: f.text, live: now.text });
  }
  for (const f of live.figures) {
    if (!seen.has(f.key))
      out.push({ key: f.key, label: f.label, issued: 'Chưa có khi ban hành', live: f.text });
  }
  return out;
}
