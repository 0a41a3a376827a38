/**
 * The small trend beside each target on the overview: the figure of the scope's unit over the term
 * up to the end of each reporting period (cumulative for flows, the level for stocks and shares),
 * for every target at once — one roll-up read for the whole overview instead of one per card.
 */
import type { DbOrTx } from './client.ts';
import { FigureReader } from './figures/figure-reader.ts';
import type { Scope } from './figures/scope.ts';
import { termTargets } from './figures/targets.ts';

export interface TrendPoint {
  endDate: string;
  value: number | null;
}

export function targetTrends(db: DbOrTx, scope: Scope): { targetId: number; points: TrendPoint[] }[] {
  const reader = new FigureReader(db, scope).load([scope.unit.id]);
  return termTargets(db, scope.term.id).map((target) => {
    const periods = reader.periods(target.indicator.frequency);
    const upTo = new Set<number>();
    const points = periods.map((p) => {
      upTo.add(p.id);
      return {
        endDate: p.endDate,
        value: reader.figureOver(scope.unit.id, target.indicator, new Set(upTo)).value,
      };
    });
    return { targetId: target.id, points };
  });
}
