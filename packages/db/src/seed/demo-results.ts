/** The demo's invented per-commune results, adding up exactly to the article's totals. */
import { found } from '../rows.ts';
import type * as s from '../schema.ts';
import { HALF_YEAR_TOTALS, MONEY_MILLIONS, TEAMS_IN_OPERATION, VICTIMS } from './demo-figures.ts';
import { seededRandom, splitExactly } from './split.ts';

export type ResultRow = Omit<typeof s.results.$inferInsert, 'illustrative'>;

/** The invented per-commune splits. Each commune has a stable "size" so its figures look consistent. */
export function demoResults(
  communeIds: number[],
  firstCommunes: number[],
  indicatorId: Map<string, number>,
  periods: number[],
): ResultRow[] {
  const random = seededRandom(20240710);
  const size = communeIds.map(() => 1 + Math.floor(random() * 5));
  const noisy = () => size.map((w) => w * (2 + Math.floor(random() * 4)));
  const rows: ResultRow[] = [];
  const push = (code: string, periodId: number, values: Partial<ResultRow>[]) => {
    const id = found(indicatorId.get(code), `indicator ${code}`);
    for (const [i, v] of values.entries()) {
      rows.push({ unitId: found(communeIds[i], `commune ${i}`), indicatorId: id, periodId, ...v });
    }
  };

  periods.forEach((periodId, p) => {
    for (const [code, totals] of Object.entries(HALF_YEAR_TOTALS)) {
      const parts = splitExactly(
        found(totals[p], `${code} in half-year ${p}`),
        code === 'HTX' ? size.map(() => 1) : noisy(),
      );
      push(
        code,
        periodId,
        parts.map((value) => ({ value })),
      );
      if (code === 'NTM_CT') {
        // The works' value follows the number of works, in whole millions of đồng.
        const money = splitExactly(found(MONEY_MILLIONS.NTM_GT[p], `NTM_GT in half-year ${p}`), parts);
        push(
          'NTM_GT',
          periodId,
          money.map((m) => ({ value: m * 1_000_000 })),
        );
      }
    }
    const support = splitExactly(found(MONEY_MILLIONS.NGUONLUC[p], `NGUONLUC in half-year ${p}`), noisy());
    push(
      'NGUONLUC',
      periodId,
      support.map((m) => ({ value: m * 1_000_000 })),
    );

    const total = splitExactly(found(VICTIMS.total[p], `victims in half-year ${p}`), noisy());
    const reached = splitExactly(
      found(VICTIMS.reached[p], `victims reached in half-year ${p}`),
      total,
      total,
    );
    push(
      'NANNHAN',
      periodId,
      total.map((denominator, i) => ({ numerator: found(reached[i], `victims reached ${i}`), denominator })),
    );

    push(
      'HD5LH',
      periodId,
      communeIds.map(() => ({ meets: true })),
    );
    // One pilot team in each district's first commune, opened two at a time.
    const open = firstCommunes.slice(0, TEAMS_IN_OPERATION[p]);
    push(
      'TO_CDS',
      periodId,
      communeIds.map((_, i) => ({ value: open.includes(i) ? 1 : 0 })),
    );
  });
  return rows;
}
