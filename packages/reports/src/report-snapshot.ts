/**
 * The figures an issued report froze, and where the live figures now differ from them. A difference
 * that rounding would hide ("21,35 tỷ đồng → 21,35 tỷ đồng" after a correction of 1.000.000 đồng) is
 * written in exact đồng.
 */
import { formatDong, formatScaled, type MeasureType } from '@chitieu/core';
import type { IndicatorInfo, ReportData, ReportSettingsInput } from '@chitieu/db';
import { figureText, missingText, NO_DATA } from './report-format.ts';

type Figure = ReportData['targets'][number]['figure'];
type Target = ReportData['targets'][number];

export interface SnapshotFigure {
  /** unit code : target code : indicator code */
  key: string;
  label: string;
  value: number | null;
  text: string;
  /** Since format 2; older snapshots lack it. */
  measureType?: MeasureType;
  decimals?: number;
}

export interface ReportSnapshot {
  format: 1 | 2;
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
  settings?: Partial<Pick<ReportSettingsInput, 'documentNumber' | 'documentSymbol' | 'reportDate' | 'title'>>;
}

/** The figures a report shows, flat and keyed, to freeze with an issued report and compare later. */
export function snapshotOf(data: ReportData, settings?: ReportSnapshot['settings']): ReportSnapshot {
  const figures: SnapshotFigure[] = [];
  const add = (unit: { code: string; name: string }, t: Target, indicator: IndicatorInfo, figure: Figure) => {
    figures.push({
      key: `${unit.code}:${t.code}:${indicator.code}`,
      label: `${t.code} ${indicator.name} — ${unit.name}`,
      value: figure.value,
      text: figureText(indicator, figure) ?? missingText(figure, NO_DATA),
      measureType: indicator.measureType,
      decimals: indicator.decimals,
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
    format: 2,
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
  /** Live less issued, where it reads as a quantity: "+1", "+1.000.000 đồng"; null otherwise. */
  change: string | null;
}

/** Money, from a format-2 snapshot's measure type or, in an older one, from its text. */
const isMoney = (f: SnapshotFigure) =>
  f.measureType === 'amount' || (f.measureType === undefined && / đồng$/.test(f.text));

function changeText(issued: SnapshotFigure, live: SnapshotFigure): string | null {
  if (issued.value === null || live.value === null) return null;
  const type = live.measureType ?? issued.measureType;
  const delta = live.value - issued.value;
  const sign = delta > 0 ? '+' : '';
  if (isMoney(live)) return `${sign}${formatDong(delta)}`;
  if (type === 'cumulative' || type === 'stock') return `${sign}${formatScaled(delta, live.decimals ?? 0)}`;
  return null;
}

/** Where the live figures differ from an issued snapshot (same scope), headline first. */
export function compareSnapshots(issued: ReportSnapshot, live: ReportSnapshot): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const h = (x: ReportSnapshot) => `Hoàn thành ${x.headline.done}/${x.headline.counted} chỉ tiêu`;
  if (issued.headline.done !== live.headline.done || issued.headline.counted !== live.headline.counted) {
    out.push({ key: 'headline', label: 'Kết quả chung', issued: h(issued), live: h(live), change: null });
  }
  const liveByKey = new Map(live.figures.map((f) => [f.key, f]));
  const seen = new Set<string>();
  for (const f of issued.figures) {
    seen.add(f.key);
    const now = liveByKey.get(f.key);
    if (!now) {
      out.push({ key: f.key, label: f.label, issued: f.text, live: 'Không còn trong báo cáo', change: null });
    } else if (now.value !== f.value) {
      // The rounded texts are the same: say it in đồng, or nobody sees what changed.
      const hidden = now.text === f.text && isMoney(now) && f.value !== null && now.value !== null;
      out.push({
        key: f.key,
        label: f.label,
        issued: hidden ? formatDong(f.value as number) : f.text,
        live: hidden ? formatDong(now.value as number) : now.text,
        change: changeText(f, now),
      });
    }
  }
  for (const f of live.figures) {
    if (!seen.has(f.key))
      out.push({ key: f.key, label: f.label, issued: 'Chưa có khi ban hành', live: f.text, change: null });
  }
  return out;
}
