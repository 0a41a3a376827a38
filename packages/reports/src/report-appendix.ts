/**
 * The appendix: results by unit, the scope's children × counted targets, in exact figures so that
 * each column adds up as printed, with a legend per kind of column. The XLSX's target sheets label
 * their total and own-activity rows the same way.
 */
import {
  exactMoneyScale,
  formatExactMoney,
  formatInteger,
  formatPercent,
  formatScaled,
  isStateMeasure,
  type MeasureType,
  MONEY_SCALE_UNITS,
} from '@chitieu/core';
import type { ReportData } from '@chitieu/db';
import { NO_CASES_SHORT, unitText } from './report-format.ts';

type Target = ReportData['targets'][number];
type Figure = Target['figure'];

/** Measures whose figures add up over units: a column of them adds to its total. */
export const isFlow = (type: MeasureType) => !isStateMeasure(type);

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
