/**
 * What a report says, as text: the letterhead, the rows of the targets table, the headline sentence,
 * the appendix, file names. DOCX, XLSX, the print view (through the API) and the tests all read these,
 * so the figures are written one way, in @chitieu/core's Vietnamese formats ('746', '2.986',
 * '11,54 tỷ đồng', '106,6%', '124/124 cơ sở').
 */
import {
  documentNumberLine,
  documentReference,
  exactMoneyScale,
  formatDate,
  formatExactMoney,
  formatInteger,
  formatMoney,
  formatMoneyIn,
  formatPercent,
  formatPlaceDate,
  formatRatioPercent,
  formatScaled,
  letterheadCase,
  type MeasureType,
  MONEY_SCALE_UNITS,
  type MoneyScale,
  moneyScale,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  periodName,
  type StatusKey,
  statusKeyOf,
  stripForbidden,
} from '@chitieu/core';
import type { IndicatorInfo, ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import { cleanDeep } from './report-text.ts';

type Figure = ReportData['targets'][number]['figure'];
type Target = ReportData['targets'][number];

export const UNREPORTED = 'Chưa báo cáo';
/** A reported 0/0 (no case arose): neither done nor owed, never shown as "not reported". */
export const NO_CASES = 'Không phát sinh';
/** The appendix's narrow cells: the abbreviation its legend explains. */
const NO_CASES_SHORT = 'KPS';

/** Why a figure has no value: a reported 0/0 (`NO_CASES`), or nothing reported (`unreported`). */
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

type IndicatorLike = Pick<IndicatorInfo, 'measureType' | 'decimals' | 'measurementUnit'>;

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
  /** For a money row, the scale its goal and result are written in (the footnote says how). */
  moneyScale: MoneyScale | null;
}

/** The rows of the targets table (STT | Chỉ tiêu | ĐVT | Chỉ tiêu NQ | Kết quả | Tỷ lệ % | Đánh giá | Ghi chú). */
export function targetRows(data: ReportData, kind: ReportKind): TargetRowView[] {
  let counted = 0;
  let supplementary = 0;
  return data.targets.map((t) => {
    const key = statusKeyOf(t.status, t.figure, t.goal);
    const money = t.indicator.measureType === 'amount' ? moneyRowScale(t) : null;
    const inScale = (dong: number) => formatMoneyIn(dong, money as MoneyScale, { trimZeros: true });
    return {
      id: t.id,
      code: t.code,
      counted: t.counted,
      stt: t.counted ? ++counted : ++supplementary,
      name: t.wording,
      shortName: t.shortName,
      unit: money ? MONEY_SCALE_UNITS[money] : unitText(t.indicator),
      goal: money && t.goal !== null ? inScale(t.goal) : goalText(t.indicator, t.goal),
      result:
        money && t.figure.value !== null
          ? inScale(t.figure.value)
          : (figureText(t.indicator, t.figure) ?? missingText(t.figure, NO_DATA)),
      pct: pctText(t.figure.value, t.goal),
      status: t.goal === null && t.figure.value !== null ? '—' : STATUS_LABELS[key],
      statusKey: key,
      note: noteText(data, t, kind),
      moneyScale: money,
    };
  });
}

function noteText(data: ReportData, t: Target, kind: ReportKind): string {
  const notes: string[] = [];
  for (const r of t.relatedFigures) {
    const text = relatedText(r.indicator, r.figure);
    if (text) notes.push(text);
  }
  if (t.goalKind === 'allocation') notes.push('So với chỉ tiêu được giao');
  if (kind === 'mid_term' && t.midTermMilestone !== null && t.goalKind === 'term') {
    // The resolution's own mid-term milestone, not the pace the dashboard computes from elapsed time.
    const milestone = goalText(t.indicator, t.midTermMilestone);
    const pct = pctText(t.figure.value, t.midTermMilestone);
    notes.push(`Mốc giữa nhiệm kỳ theo Nghị quyết: ${milestone}${pct === '—' ? '' : ` (đạt ${pct})`}`);
  }
  const coverage = coverageText(data, t.figure.coverage);
  if (coverage) notes.push(coverage);
  return notes.join('; ');
}

/** Under the targets table when it has money rows: how they were rounded, and where the exact đồng are. */
export function moneyFootnote(rows: TargetRowView[], hasAppendix: boolean): string | null {
  const scales = [
    ...new Set(rows.map((r) => r.moneyScale).filter((x): x is MoneyScale => x !== null && x !== 'dong')),
  ];
  if (scales.length === 0) return null;
  const units = scales.map((x) => MONEY_SCALE_UNITS[x]).join(', ');
  const exact = hasAppendix ? '; số chính xác đến đồng ở Phụ lục' : '';
  return `Ghi chú: số tiền tính bằng ${units}, làm tròn đến hai chữ số thập phân (từ 5 trở lên làm tròn lên)${exact}.`;
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
      const key = statusKeyOf(t.status, t.figure, t.goal);
      const pct = pctText(t.figure.value, t.goal);
      return `${t.shortName} (${STATUS_LABELS[key].toLowerCase()}${pct === '—' ? '' : `, ${pct} so với Nghị quyết`})`;
    });
  const tail = lagging.length > 0 ? `; chỉ tiêu chưa hoàn thành: ${lagging.join('; ')}` : '';
  const coverage = coverageText(data, data.dating.coverage);
  return {
    lead: `Hoàn thành ${done}/${counted} chỉ tiêu`,
    rest: ` Nghị quyết đề ra (${where}, số liệu tính đến ngày ${when}${coverage ? `; ${coverage}` : ''})${tail}.`,
  };
}

// ---------------------------------------------------------------- the appendix

/** Measures whose figures add up over units: a column of them adds to its total. */
export const isFlow = (type: MeasureType) => type === 'cumulative' || type === 'amount';

export interface AppendixColumn {
  id: number;
  code: string;
  shortName: string;
  measureType: MeasureType;
  /** The unit of the column's figures, stated once in its header: 'hộ', 'cơ sở', '%', 'triệu đồng'. */
  unit: string;
  /** Money columns: written exactly, in whole triệu when every figure is one, else in đồng. */
  moneyScale: 'trieu' | 'dong' | null;
  /** Whether some cell reads "a/b" (result / allocated goal). */
  allocated: boolean;
}

export interface AppendixRow {
  unitId: number;
  code: string;
  name: string;
  cells: string[];
  /** The scope's own total. */
  total: boolean;
  /** What the scope's unit did itself (not any unit below it): the flows' total less its units'. */
  own: boolean;
}

export interface AppendixView {
  columns: AppendixColumn[];
  rows: AppendixRow[];
  /** What the signs and units mean, one line per kind of column ("CT1: a/b = …"). */
  legend: string[];
}

/** "Toàn tỉnh Bình Thuận": the total row of a table by unit. */
export const totalLabel = (unitName: string) => `Toàn ${lowerFirst(unitName)}`;
/** "Tỉnh Bình Thuận (trực tiếp thực hiện)": the scope's own activity in a table by unit. */
export const ownLabel = (unitName: string) => `${unitName} (trực tiếp thực hiện)`;

/** A flow's figure that the scope's unit reported itself: its total less its child units' (null if none). */
export function ownFigureValue(total: number | null, children: (number | null)[]): number | null {
  if (total === null) return null;
  const own = total - children.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return own === 0 ? null : own;
}

/**
 * Results by unit: the scope's children × counted targets, the scope's own activity where it has
 * some, then the scope's total. Money is exact (whole triệu or đồng), so its column adds up as printed;
 * every column states its unit once, in its header.
 */
export function appendixView(data: ReportData): AppendixView {
  const targets = data.targets.filter((t) => t.counted);
  const rowsOf = (t: Target) => data.breakdowns.find((b) => b.targetId === t.id)?.rows ?? [];
  const columns: AppendixColumn[] = targets.map((t) => {
    const type = t.indicator.measureType;
    const values = [t.figure.value, ...rowsOf(t).flatMap((r) => [r.figure.value, r.allocation])].filter(
      (v): v is number => v !== null,
    );
    const money = type === 'amount' ? exactMoneyScale(values) : null;
    return {
      id: t.id,
      code: t.code,
      shortName: t.shortName,
      measureType: type,
      unit:
        type === 'units_meeting'
          ? `${t.indicator.measurementUnit} đạt/${t.indicator.measurementUnit}`
          : money
            ? MONEY_SCALE_UNITS[money]
            : unitText(t.indicator),
      moneyScale: money,
      allocated: rowsOf(t).some((r) => r.allocation !== null && r.figure.value !== null),
    };
  });
  const number = (t: Target, column: AppendixColumn, value: number) =>
    column.moneyScale
      ? formatExactMoney(value, column.moneyScale)
      : formatScaled(value, t.indicator.decimals);
  const cell = (t: Target, column: AppendixColumn, figure: Figure, allocation: number | null) => {
    if (figure.value === null) return figure.hasData ? NO_CASES_SHORT : '–';
    const text =
      t.indicator.measureType === 'units_meeting'
        ? `${formatInteger(figure.meeting)}/${formatInteger(figure.expected)}`
        : t.indicator.measureType === 'ratio'
          ? formatPercent(figure.value, t.indicator.decimals)
          : number(t, column, figure.value);
    return allocation === null || t.indicator.measureType === 'units_meeting'
      ? text
      : `${text}/${number(t, column, allocation)}`;
  };
  const rows: AppendixRow[] = data.children.map((child) => ({
    unitId: child.id,
    code: child.code,
    name: child.name,
    total: false,
    own: false,
    cells: targets.map((t, i) => {
      const row = rowsOf(t).find((r) => r.id === child.id);
      return row ? cell(t, columns[i] as AppendixColumn, row.figure, row.allocation) : '–';
    }),
  }));
  const own = targets.map((t) =>
    data.children.length > 0 && isFlow(t.indicator.measureType)
      ? ownFigureValue(
          t.figure.value,
          rowsOf(t).map((r) => r.figure.value),
        )
      : null,
  );
  if (own.some((v) => v !== null)) {
    rows.push({
      unitId: data.scope.unit.id,
      code: data.scope.unit.code,
      name: ownLabel(data.scope.unit.name),
      total: false,
      own: true,
      cells: targets.map((t, i) => {
        const v = own[i];
        return v === null || v === undefined ? '' : number(t, columns[i] as AppendixColumn, v);
      }),
    });
  }
  rows.push({
    unitId: data.scope.unit.id,
    code: data.scope.unit.code,
    name: totalLabel(data.scope.unit.name),
    total: true,
    own: false,
    cells: targets.map((t, i) => cell(t, columns[i] as AppendixColumn, t.figure, null)),
  });
  return {
    columns,
    rows,
    legend: appendixLegend(
      columns,
      own.some((v) => v !== null),
      data.scope.unit.name,
      rows.some((row) => row.cells.includes(NO_CASES_SHORT)),
    ),
  };
}

function appendixLegend(
  columns: AppendixColumn[],
  hasOwn: boolean,
  unitName: string,
  hasNoCases: boolean,
): string[] {
  const codes = (pick: (c: AppendixColumn) => boolean) =>
    columns
      .filter(pick)
      .map((c) => c.code)
      .join(', ');
  const lines = ['“–”: chưa báo cáo.'];
  if (hasNoCases)
    lines.push(`“${NO_CASES_SHORT}”: không phát sinh (tỷ lệ 0/0: đã báo cáo, không có trường hợp nào).`);
  const add = (pick: (c: AppendixColumn) => boolean, text: string) => {
    const list = codes(pick);
    if (list) lines.push(`${list}: ${text}`);
  };
  add((c) => c.measureType === 'units_meeting', 'a/b = số cơ sở Hội đạt/tổng số cơ sở Hội của đơn vị.');
  add(
    (c) => c.measureType !== 'units_meeting' && c.allocated,
    'a/b = kết quả/chỉ tiêu được giao cho đơn vị.',
  );
  add((c) => c.measureType === 'cumulative' && !c.allocated, 'tổng số phát sinh từ đầu nhiệm kỳ.');
  add((c) => c.measureType === 'stock', 'số hiện có theo kỳ báo cáo gần nhất.');
  add((c) => c.measureType === 'ratio', 'tỷ lệ tính trên tổng tử số và tổng mẫu số của đơn vị.');
  for (const scale of ['trieu', 'dong'] as const) {
    add(
      (c) => c.moneyScale === scale,
      `số tiền chính xác, tính bằng ${MONEY_SCALE_UNITS[scale]}; cộng các dòng bằng dòng tổng.`,
    );
  }
  if (hasOwn) {
    lines.push(
      `“${ownLabel(unitName)}”: phần do đơn vị trực tiếp thực hiện, không thuộc đơn vị trực thuộc nào.`,
    );
  }
  return lines;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

// ---------------------------------------------------------------- the letterhead and the title

/** The header block as printed: letterhead lines (capitals), the motto when on, number and date lines. */
export interface HeaderView {
  parentBody: string[];
  issuingBody: string[];
  motto: { name: string; motto: string } | null;
  numberLine: string;
  placeDate: string;
}

export function headerView(settings: ReportSettingsInput): HeaderView {
  const upper = (lines: string[]) => lines.map(letterheadCase);
  return {
    parentBody: upper(settings.parentBody),
    issuingBody: upper(settings.issuingBody),
    motto: settings.motto ? { name: NATIONAL_NAME, motto: NATIONAL_MOTTO } : null,
    numberLine: documentNumberLine(settings.documentNumber, settings.documentSymbol),
    placeDate: placeDateLine(settings.place, settings.reportDate),
  };
}

/** "Số: 45/BC-HPN", or the blank to fill by hand. */
export function numberLine(settings: Pick<ReportSettingsInput, 'documentNumber' | 'documentSymbol'>): string {
  return documentNumberLine(settings.documentNumber, settings.documentSymbol);
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

/** "(Kèm theo Báo cáo số 45/BC-HPN ngày 10/7/2024)" under the appendix title. */
export function appendixNote(
  settings: Pick<ReportSettingsInput, 'documentNumber' | 'documentSymbol' | 'reportDate'>,
): string {
  const number = documentReference(settings.documentNumber, settings.documentSymbol);
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
  return `${stripForbidden(name)
    .replace(/[\\/:*?"<>|\t\n]+/g, ' ')
    .trim()}.${ext}`;
}

/**
 * The report's data with every name cleaned (the second guard against characters a file cannot
 * hold); the raw rows, ids and figures only, are shared as they are.
 */
export function cleanReportData(data: ReportData): ReportData {
  const { raw, ...rest } = data;
  const clean = cleanDeep(rest) as ReportData;
  if (raw) clean.raw = { units: cleanDeep(raw.units), periods: raw.periods, rows: raw.rows };
  return clean;
}

/** The settings with every line cleaned, for the same reason. */
export const cleanSettings = (settings: ReportSettingsInput): ReportSettingsInput => cleanDeep(settings);
