/**
 * The demo as real users will find it in 2026 (`npm start -- --demo=2025`): the as-reported demo,
 * then the two reorganisations applied as an admin would (01/12/2024: 124 → 121 communes; 01/07/2025:
 * the district level ends and 45 units form under Tỉnh Lâm Đồng), then the half-years after the
 * mid-term partly in — some reports approved, some only submitted, many missing — so the overview
 * shows figures standing at older periods, coverage below 100 % and units that have not reported.
 * Every figure added here is invented and stored with `illustrative = true`, like the demo's splits.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { applyReorganisation } from '../reorganise.ts';
import { bumpRevision, setMeta } from '../revision.ts';
import { rebuildRollups } from '../rollup.ts';
import { found } from '../rows.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import { seededRandom } from './split.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** The date the reorganised demo opens at: the end of the last half-year with reports in. */
export const DEMO_2025_AS_OF = '2025-12-31';

/**
 * Half-years after the mid-term and the share of their units whose report is in: approved first,
 * then submitted (not yet counted on the "approved" basis). The rest have not reported.
 */
const LATER_HALVES: { start: string; approved: number; submitted: number }[] = [
  { start: '2024-07-01', approved: 0.75, submitted: 0.1 },
  { start: '2025-01-01', approved: 0.5, submitted: 0.15 },
  { start: '2025-07-01', approved: 0.3, submitted: 0.2 },
];

/** Per reporting unit and half-year: [indicator, smallest, largest] of an invented value. */
const FLOWS: [string, number, number][] = [
  ['THOATNGHEO', 0, 3],
  ['NTM_CT', 0, 2],
  ['GD5K3S', 2, 8],
  ['HTX', 0, 1],
];

/** Load the demo's later state into a database that holds the as-reported demo, in one transaction. */
export function advanceDemoTo2025(db: Db): void {
  inTransaction(db, (tx) => {
    // Each reorganisation runs in its own nested transaction (a savepoint) inside this one.
    applyReorganisation(tx, 'system', {
      map: readFileSync(join(DATA_DIR, 'merges-2024.csv')),
      effectiveDate: '2024-12-01',
    });
    applyReorganisation(tx, 'system', {
      map: readFileSync(join(DATA_DIR, 'merges-2025.csv')),
      effectiveDate: '2025-07-01',
      parentNames: { '68': 'Tỉnh Lâm Đồng' },
      parentTypes: { '68': 'Tỉnh' },
      designations: { '23053': '23053' },
    });
    insertLaterReports(tx);
    rebuildRollups(tx);
    tx.run(sql`UPDATE terms SET default_as_of = ${DEMO_2025_AS_OF}`);
    setMeta(tx, 'demo', '2025');
    bumpRevision(tx);
  });
}

function insertLaterReports(tx: DbOrTx) {
  const random = seededRandom(20251231);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const indicator = new Map(
    tx.all<{ id: number; code: string }>(sql`SELECT id, code FROM indicators`).map((i) => [i.code, i.id]),
  );
  const id = (code: string) => found(indicator.get(code), `indicator ${code}`);
  for (const half of LATER_HALVES) {
    const period = tx.get<{ id: number; end: string }>(
      sql`SELECT id, end_date AS end FROM periods WHERE kind = 'half' AND start_date = ${half.start}`,
    );
    if (!period) continue;
    // Grassroots units alive on the period's last day report it (a unit reports only inside its life).
    const units = tx
      .all<{ id: number }>(sql`SELECT id FROM units WHERE is_grassroots = 1 AND valid_from <= ${period.end}
        AND (valid_to IS NULL OR valid_to > ${period.end}) ORDER BY code, id`)
      .map((u) => u.id);
    const approved = Math.round(units.length * half.approved);
    const submitted = Math.round(units.length * half.submitted);
    units.slice(0, approved + submitted).forEach((unitId, i) => {
      const rows: (typeof s.results.$inferInsert)[] = FLOWS.map(([code, low, high]) => ({
        unitId,
        indicatorId: id(code),
        periodId: period.id,
        value: between(low, high),
      }));
      const works = rows[1]?.value ?? 0;
      rows.push(
        {
          unitId,
          indicatorId: id('NTM_GT'),
          periodId: period.id,
          value: works * between(10, 25) * 1_000_000,
        },
        { unitId, indicatorId: id('NGUONLUC'), periodId: period.id, value: between(10, 40) * 1_000_000 },
        { unitId, indicatorId: id('HD5LH'), periodId: period.id, meets: random() > 0.05 },
      );
      // The new units (2025) report how many pilot teams they now run: the old communes' stand no longer.
      if (half.start === '2025-07-01')
        rows.push({ unitId, indicatorId: id('TO_CDS'), periodId: period.id, value: i % 3 === 0 ? 1 : 0 });
      const victims = between(0, 1);
      rows.push({
        unitId,
        indicatorId: id('NANNHAN'),
        periodId: period.id,
        numerator: victims,
        denominator: victims,
      });
      tx.insert(s.results)
        .values(rows.map((r) => ({ ...r, illustrative: true })))
        .run();
      tx.insert(s.submissions)
        .values({ unitId, periodId: period.id, state: i < approved ? 'approved' : 'submitted' })
        .run();
    });
  }
}
