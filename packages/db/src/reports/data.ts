/**
 * The figures of a report for a scope. Every figure comes from the figure engine's views
 * (dashboardSummary, targetBreakdown, targetSeries, FigureReader over the roll-up table), so an
 * export equals the overview to the đồng. Files are built elsewhere (@chitieu/reports).
 */
import type { DbOrTx } from '../client.ts';
import { FigureReader, type PeriodRow } from '../figures/figure-reader.ts';
import type { Scope } from '../figures/scope.ts';
import { childUnits, type TreeUnit, unitTree } from '../figures/unit-tree.ts';
import { type BreakdownRow, targetBreakdown } from '../figures/views/breakdown.ts';
import { type DashboardSummary, dashboardSummary } from '../figures/views/overview.ts';
import { type SeriesPoint, targetSeries } from '../figures/views/series.ts';
import { PERIOD_COLUMNS } from '../lookups.ts';
import { stmt } from '../statements.ts';

export interface ReportBreakdown {
  targetId: number;
  rows: BreakdownRow[];
}

export interface ReportSeries {
  targetId: number;
  points: SeriesPoint[];
}

/** A unit of the scope's subtree for the raw data: depth relative to the scope's unit (0). */
export interface RawUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  depth: number;
}

/** One figure of the raw data: a subtree's figure for one indicator of a target in one period. */
export interface RawRow {
  unitId: number;
  targetId: number;
  indicatorId: number;
  primary: boolean;
  periodId: number;
  figure: ReturnType<FigureReader['figure']>;
}

export interface ReportData extends DashboardSummary {
  /** Whether any target has a reported figure at this scope. */
  hasResults: boolean;
  /** Child units of the scope's unit, in their order (the appendix and the breakdowns). */
  children: (TreeUnit & { hasChildren: boolean })[];
  breakdowns: ReportBreakdown[];
  series: ReportSeries[];
  /** Every reporting period, to name the one a figure stands at ("6 tháng cuối năm 2025"). */
  periods: PeriodRow[];
  /** Unit × target indicator × period, for the raw data sheet and the CSV (only when asked). */
  raw?: { units: RawUnit[]; periods: PeriodRow[]; rows: RawRow[] };
}

/**
 * The figures of a report for a scope, from the dashboard's own functions. Cheap (a handful of
 * queries on the roll-up table); the raw data walks the subtree and is built only when asked.
 */
export function reportData(db: DbOrTx, scope: Scope, options: { raw?: boolean } = {}): ReportData {
  const summary = dashboardSummary(db, scope);
  const children = childUnits(db, scope.structureVersionId, scope.unit.id);
  const breakdowns = summary.targets.map((t) => ({
    targetId: t.id,
    rows: children.length > 0 ? targetBreakdown(db, scope, t.id).rows : [],
  }));
  const series = summary.targets.map((t) => ({
    targetId: t.id,
    points: targetSeries(db, scope, t.id).points,
  }));
  const data: ReportData = {
    ...summary,
    hasResults: summary.targets.some((t) => t.figure.value !== null),
    children,
    breakdowns,
    series,
    periods: stmt<PeriodRow>(db, `SELECT ${PERIOD_COLUMNS} FROM periods ORDER BY start_date, kind`).all(),
  };
  if (options.raw) data.raw = rawData(db, scope, summary);
  return data;
}

function rawData(db: DbOrTx, scope: Scope, summary: DashboardSummary): NonNullable<ReportData['raw']> {
  const tree = unitTree(db, scope.structureVersionId);
  const byParent = new Map<number | null, TreeUnit[]>();
  for (const u of tree) {
    const list = byParent.get(u.parentId) ?? [];
    list.push(u);
    byParent.set(u.parentId, list);
  }
  const codeOf = new Map(tree.map((u) => [u.id, u.code]));
  const units: RawUnit[] = [];
  const visit = (u: TreeUnit, depth: number) => {
    units.push({
      id: u.id,
      code: u.code,
      name: u.name,
      type: u.type,
      parentCode: u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
      depth,
    });
    for (const child of byParent.get(u.id) ?? []) visit(child, depth + 1);
  };
  const root = tree.find((u) => u.id === scope.unit.id);
  if (root) visit(root, 0);

  const reader = new FigureReader(db, scope).load(units.map((u) => u.id));
  const periodsSeen = new Map<number, PeriodRow>();
  const rows: RawRow[] = [];
  for (const unit of units) {
    for (const target of summary.targets) {
      for (const [i, indicator] of [target.indicator, ...target.related].entries()) {
        for (const period of reader.periods(indicator.frequency)) {
          periodsSeen.set(period.id, period);
          rows.push({
            unitId: unit.id,
            targetId: target.id,
            indicatorId: indicator.id,
            primary: i === 0,
            periodId: period.id,
            figure: reader.figureOver(unit.id, indicator, new Set([period.id])),
          });
        }
      }
    }
  }
  const periods = [...periodsSeen.values()].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  return { units, periods, rows };
}
