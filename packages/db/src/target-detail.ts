/**
 * The target page: one target for one unit's subtree as of a date — its figure and status, the plan
 * line, the figures period by period, the forecast to the end of the term, the breakdown by child
 * unit, and the notes and evidence behind the figures. Figures come from figures/ (the roll-up
 * table), rules from @chitieu/core; this module only puts them together, so the page can never
 * disagree with the overview.
 */
import {
  type Bilingual,
  type Forecast,
  forecastEndOfTerm,
  isShareMeasure,
  notFound,
  planLine,
} from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import type { Scope } from './figures/scope.ts';
import { termTargets } from './figures/targets.ts';
import { targetBreakdown } from './figures/views/breakdown.ts';
import { dashboardSummary } from './figures/views/overview.ts';
import { targetSeries } from './figures/views/series.ts';
import { placementOf } from './lookups.ts';

/** The page's figures. Scope must come from resolveScope (which checked the user may read the unit). */
export function targetDetail(db: DbOrTx, scope: Scope, targetId: number) {
  const summary = dashboardSummary(db, scope);
  const target = summary.targets.find((t) => t.id === targetId);
  if (!target) throw notFound(`Không tìm thấy chỉ tiêu ${targetId} trong nhiệm kỳ này.`);
  const series = targetSeries(db, scope, targetId);
  const breakdown = targetBreakdown(db, scope, targetId);
  const { indicator } = target;
  const term = { startDate: scope.term.startDate, endDate: scope.term.endDate };

  const plan =
    target.goal === null
      ? []
      : planLine({
          measureType: indicator.measureType,
          term,
          baseline: target.baseline,
          goal: target.goal,
          // The yearly plan is the whole term's: it shapes the line only where the term goal applies.
          ...(target.goalKind === 'term' ? { yearlyPlan: target.yearlyPlan } : {}),
        });

  const projected = forecastEndOfTerm({
    measureType: indicator.measureType,
    term,
    points: series.points.map((p) => ({ startDate: p.startDate, endDate: p.endDate, value: p.toDate.value })),
    ...(isShareMeasure(indicator.measureType) ? { maxValue: 100 * 10 ** indicator.decimals } : {}),
  });
  const forecast: (Forecast & { pctOfGoal: number | null }) | null = projected.forecast && {
    ...projected.forecast,
    pctOfGoal: target.goal ? projected.forecast.value / target.goal : null,
  };
  const forecastReason: Bilingual | null = projected.reason;

  return {
    scope: summary.scope,
    target,
    plan,
    points: series.points,
    related: series.related,
    forecast,
    forecastReason,
    rows: breakdown.rows,
    own: breakdown.own,
  };
}

export interface TargetNote {
  resultId: number;
  unitId: number;
  unitName: string;
  indicatorId: number;
  indicatorName: string;
  periodId: number;
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  note: string | null;
  evidenceUrl: string | null;
  updatedAt: string;
}

export const NOTES_PAGE_SIZE = 20;

/**
 * Notes and evidence links of the results behind a target's figure: the unit's whole subtree, the
 * target's indicators, the term's periods up to the as-of date, counted on the scope's basis
 * (approved, or approved and submitted). Newest period first, a page at a time.
 */
export function targetNotes(
  db: DbOrTx,
  scope: Scope,
  targetId: number,
  page: { limit?: number; offset?: number } = {},
): { items: TargetNote[]; total: number; limit: number; offset: number } {
  const target = termTargets(db, scope.term.id).find((t) => t.id === targetId);
  if (!target) throw notFound(`Không tìm thấy chỉ tiêu ${targetId} trong nhiệm kỳ này.`);
  const limit = page.limit ?? NOTES_PAGE_SIZE;
  const offset = page.offset ?? 0;
  const placement = placementOf(db, scope.structureVersionId, scope.unit.id);
  if (!placement) return { items: [], total: 0, limit, offset };
  const indicatorIds = JSON.stringify([target.indicator.id, ...target.related.map((i) => i.id)]);
  const states = scope.basis === 'approved' ? ['approved'] : ['approved', 'submitted'];
  // Subtree by path range (never LIKE: it cannot use the index), see DESIGN.md.
  const from = sql`
    FROM placements pl
    JOIN results r ON r.unit_id = pl.unit_id
    JOIN periods p ON p.id = r.period_id
    JOIN submissions s ON s.unit_id = r.unit_id AND s.period_id = r.period_id
    JOIN units u ON u.id = r.unit_id
    JOIN indicators i ON i.id = r.indicator_id
    WHERE pl.structure_version_id = ${scope.structureVersionId}
      AND pl.path >= ${placement.path} AND pl.path < ${`${placement.path}~`}
      AND r.indicator_id IN (SELECT value FROM json_each(${indicatorIds}))
      AND p.end_date <= ${scope.asOf} AND p.end_date > ${scope.term.startDate}
      AND p.start_date < ${scope.term.endDate}
      AND s.state IN (SELECT value FROM json_each(${JSON.stringify(states)}))
      AND (COALESCE(TRIM(r.note), '') <> '' OR COALESCE(TRIM(r.evidence_url), '') <> '')`;
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n ${from}`)?.n ?? 0;
  const items = db.all<TargetNote>(sql`
    SELECT r.id AS resultId, r.unit_id AS unitId, u.name AS unitName, r.indicator_id AS indicatorId,
           i.name AS indicatorName, p.id AS periodId, p.kind AS periodKind, p.start_date AS periodStart,
           p.end_date AS periodEnd, NULLIF(TRIM(r.note), '') AS note,
           NULLIF(TRIM(r.evidence_url), '') AS evidenceUrl, r.updated_at AS updatedAt
    ${from}
    ORDER BY p.end_date DESC, pl.path, i.id
    LIMIT ${limit} OFFSET ${offset}`);
  return { items, total, limit, offset };
}
