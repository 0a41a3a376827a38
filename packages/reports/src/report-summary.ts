/**
 * The report's summary as text: the rows of the targets table, the footnote on its money rows and
 * the headline sentence ("Hoàn thành 7/8 chỉ tiêu …"), shared by the DOCX, the XLSX and the print view.
 */
import {
  formatDate,
  formatMoneyIn,
  MONEY_SCALE_UNITS,
  type MoneyScale,
  type StatusKey,
  statusKeyOf,
} from '@chitieu/core';
import type { ReportData, ReportKind } from '@chitieu/db';
import {
  coverageText,
  figureText,
  goalText,
  missingText,
  moneyRowScale,
  NO_DATA,
  pctText,
  relatedText,
  STATUS_LABELS,
  unitText,
} from './report-format.ts';

type Target = ReportData['targets'][number];

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
