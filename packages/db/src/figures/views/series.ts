/** A target's series: its figures period by period over the term, for each of its indicators. */
import type { Figure } from '@chitieu/core';
import type { DbOrTx } from '../../client.ts';
import { FigureReader } from '../figure-reader.ts';
import { type Scope, scopeView } from '../scope.ts';
import type { IndicatorInfo } from '../targets.ts';
import { findTarget, indicatorIdsOf } from './shared.ts';

export interface SeriesPoint {
  periodId: number;
  startDate: string;
  endDate: string;
  /** What arose in the period (stock and state measures: the level at its end). */
  period: Figure;
  /** The figure over the term up to the end of this period. */
  toDate: Figure;
}

/** A target's per-period figures over the term up to the as-of date, for its primary and related indicators. */
export function targetSeries(db: DbOrTx, scope: Scope, targetId: number) {
  const target = findTarget(db, scope, targetId);
  const reader = new FigureReader(db, scope, indicatorIdsOf(target)).load([scope.unit.id]);
  const seriesOf = (indicator: IndicatorInfo): SeriesPoint[] => {
    const periods = reader.periods(indicator.frequency);
    return periods.map((p, i) => ({
      periodId: p.id,
      startDate: p.startDate,
      endDate: p.endDate,
      period: reader.figureOver(scope.unit.id, indicator, new Set([p.id])),
      toDate: reader.figureOver(scope.unit.id, indicator, new Set(periods.slice(0, i + 1).map((q) => q.id))),
    }));
  };
  return {
    scope: scopeView(db, scope),
    target,
    points: seriesOf(target.indicator),
    related: target.related.map((info) => ({ indicator: info, points: seriesOf(info) })),
  };
}
