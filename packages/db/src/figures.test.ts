import { BASES } from '@chitieu/core';
import { describe, expect, it } from 'vitest';
import { FigureReader } from './figures/figure-reader.ts';
import { resolveScope } from './figures/scope.ts';
import { termTargets } from './figures/targets.ts';
import { unitTree } from './figures/unit-tree.ts';
import { demoDatabase } from './testing.ts';

/**
 * The term-so-far figure comes from one grouped query (totals + latest period in SQL); figures of
 * chosen periods combine per-period rows in JS. Both must give the same figure for every unit,
 * indicator, as-of date and basis — the grouped query may not drift from the rule in @chitieu/core.
 */
describe('FigureReader', () => {
  const demo = demoDatabase();
  const units = unitTree(demo.db, 1);
  const indicators = termTargets(demo.db, demo.termId).flatMap((t) => [t.indicator, ...t.related]);

  for (const asOf of ['2022-12-31', '2023-06-30', '2023-12-31', '2024-06-30', '2026-06-30']) {
    for (const basis of BASES) {
      it(`gives the same term-so-far figures from totals as from periods (${asOf}, ${basis})`, () => {
        const scope = resolveScope(demo.db, 'system', { termId: demo.termId, asOf, basis }, asOf);
        const ids = units.map((u) => u.id);
        const totals = new FigureReader(demo.db, scope).load(ids);
        const periods = new FigureReader(demo.db, scope).load(ids);
        const every = new Set(
          periods
            .periods('half')
            .concat(periods.periods('year'), periods.periods('quarter'))
            .map((p) => p.id),
        );
        let reported = 0;
        for (const unit of units) {
          for (const indicator of indicators) {
            const fromTotals = totals.figure(unit.id, indicator);
            expect(fromTotals).toEqual(periods.figureOver(unit.id, indicator, every));
            if (fromTotals.hasData) reported++;
          }
        }
        // The comparison is about real figures, not empty ones.
        expect(reported).toBeGreaterThan(100);
      });
    }
  }
});
