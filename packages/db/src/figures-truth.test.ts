/**
 * Figures that stay true in real use (docs/decisions/0017): generated trees, partial reporting in
 * both workflow bases, zeros and 0/0, and merges and splits applied by the real reorganisation.
 * Every figure the reader gives is compared with an oracle computed here from raw rows by brute
 * force (each unit's own latest report, unit lives, the same units counted and expected).
 */

import type { Basis } from '@chitieu/core';
import {
  type Figure,
  isLevelMeasure,
  type MeasureType,
  ratioToScaledPercent,
  reportsPeriod,
} from '@chitieu/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { FigureReader } from './figures/figure-reader.ts';
import { resolveScope } from './figures/scope.ts';
import { targetBreakdown } from './figures/views/breakdown.ts';
import { applyReorganisation } from './reorganise.ts';
import { recordResult, setSubmissionState } from './results.ts';
import { rebuildRollups } from './rollup.ts';
import * as s from './schema.ts';
import { freshDatabase, makeIndicator, makePeriods, makeTree, rollupSnapshot } from './testing.ts';

const KINDS: { measureType: MeasureType; ratioOverTime?: 'sum' | 'latest' }[] = [
  { measureType: 'cumulative' },
  { measureType: 'amount' },
  { measureType: 'stock' },
  { measureType: 'ratio' },
  { measureType: 'ratio', ratioOverTime: 'latest' },
  { measureType: 'units_meeting' },
];
const MERGE_DATES = ['2023-01-01', '2024-01-01'];
/** Period ends, and dates between them (a figure stands at the newest period ended by the date). */
const DATES = [
  '2022-06-30',
  '2022-12-31',
  '2023-03-15',
  '2023-06-30',
  '2023-12-31',
  '2024-06-30',
  '2024-12-31',
];
const STATES = ['approved', 'approved', 'submitted', 'draft', 'returned'] as const;

type Indicator = typeof s.indicators.$inferSelect;
type Period = typeof s.periods.$inferSelect;

const treeArb = fc
  .integer({ min: 3, max: 12 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }),
      ),
    ),
  );

/** One unit's report in a period: whether it reports, its numbers (0 and 0/0 included) and its state. */
const reportArb = fc.record({
  reports: fc.boolean(),
  value: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000_000_000 })),
  numerator: fc.integer({ min: 0, max: 5 }),
  extra: fc.integer({ min: 0, max: 5 }),
  meets: fc.boolean(),
  state: fc.constantFrom(...STATES),
});

interface Draw {
  reports: boolean;
  value: number;
  numerator: number;
  extra: number;
  meets: boolean;
  state: (typeof STATES)[number];
}

interface Round {
  picks: number[];
  groups: number;
  partial: boolean;
  designateSecond: boolean;
}

const roundArb = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  groups: fc.integer({ min: 1, max: 3 }),
  partial: fc.boolean(),
  designateSecond: fc.boolean(),
});

const scenarioArb = treeArb.chain((parents) =>
  fc.record({
    parents: fc.constant(parents),
    reports: fc.array(reportArb, { minLength: 200, maxLength: 200 }),
    rounds: fc.array(roundArb, { minLength: 0, maxLength: 2 }),
    mover: fc.nat(),
  }),
);

interface World {
  db: Db;
  termId: number;
  indicators: Indicator[];
  periods: Period[];
  targetOf: Map<number, number>;
}

function build(parents: number[]): World {
  const db = freshDatabase();
  const { ids } = makeTree(db, parents, { grassroots: (i) => i > 0 });
  const indicators = KINDS.map((k) => makeIndicator(db, { ...k, decimals: 1 }));
  const periods = makePeriods(db, 6);
  const termId = db
    .insert(s.terms)
    .values({
      code: 'T',
      name: 'Nhiệm kỳ thử',
      shortName: 'NK thử',
      ownerUnitId: ids[0] as number,
      startDate: '2022-01-01',
      midTermDate: '2023-06-30',
      endDate: '2024-12-31',
    })
    .returning()
    .get().id;
  const targetOf = new Map<number, number>();
  indicators.forEach((indicator, i) => {
    const target = db
      .insert(s.targets)
      .values({
        termId,
        code: `CT${i}`,
        wording: `Chỉ tiêu ${i}`,
        shortName: `CT${i}`,
        primaryIndicatorId: indicator.id,
        goal: 100,
        sortOrder: i,
      })
      .returning()
      .get();
    targetOf.set(indicator.id, target.id);
  });
  return { db, termId, indicators, periods, targetOf };
}

const units = (db: Db) =>
  db.all<{ id: number; validFrom: string; validTo: string | null; isGrassroots: number; code: string }>(
    sql`SELECT id, valid_from AS validFrom, valid_to AS validTo, is_grassroots AS isGrassroots, code FROM units`,
  );

/** Reports for the periods given, by units existing on each period's last day; others are refused. */
function report(w: World, periods: Period[], draws: Draw[], next: () => number) {
  for (const period of periods) {
    for (const unit of units(w.db)) {
      const draw = draws[next() % draws.length] as Draw;
      if (!draw.reports) continue;
      const inLife = reportsPeriod(unit, period);
      for (const indicator of w.indicators) {
        if (indicator.measureType === 'units_meeting' && !unit.isGrassroots) continue;
        const write = () =>
          recordResult(w.db, {
            unitId: unit.id,
            indicatorId: indicator.id,
            periodId: period.id,
            value: draw.value,
            numerator: draw.numerator,
            denominator: draw.numerator + draw.extra,
            meets: draw.meets,
          });
        if (inLife) write();
        else expect(write).toThrow(/báo cáo/);
      }
      if (inLife) setSubmissionState(w.db, { unitId: unit.id, periodId: period.id, state: draw.state });
    }
  }
}

/** A merge round on open leaves, as the reorganisation property test makes them. */
function merge(w: World, round: Round, r: number): boolean {
  const latest = w.db.get<{ id: number }>(sql`SELECT MAX(id) AS id FROM structure_versions`)?.id as number;
  const leaves = w.db.all<{ code: string; parentCode: string }>(sql`
    SELECT u.code, pu.code AS parentCode FROM placements p JOIN units u ON u.id = p.unit_id
    JOIN units pu ON pu.id = p.parent_id
    WHERE p.structure_version_id = ${latest} AND u.valid_to IS NULL
      AND NOT EXISTS (SELECT 1 FROM placements c JOIN units cu ON cu.id = c.unit_id
        WHERE c.structure_version_id = p.structure_version_id AND c.parent_id = p.unit_id AND cu.valid_to IS NULL)`);
  if (leaves.length === 0) return false;
  const chosen = [...new Set(round.picks.map((i) => leaves[i % leaves.length]))] as typeof leaves;
  const groups = Math.min(round.groups, chosen.length);
  const code = (g: number) => `N${r}-${g}`;
  const lines = ['new_code,new_name,new_parent_code,old_code,old_name,merge_type'];
  chosen.forEach((old, i) => {
    const g = i % groups;
    const split = round.partial && i === 0 && groups > 1;
    const parent = (chosen[g] as { parentCode: string }).parentCode;
    lines.push(`${code(g)},Xã Mới ${r}.${g},${parent},${old.code},x,${split ? 'partial' : 'full'}`);
    if (split)
      lines.push(
        `${code(1)},Xã Mới ${r}.1,${(chosen[1] as { parentCode: string }).parentCode},${old.code},x,partial`,
      );
  });
  applyReorganisation(w.db, 'system', {
    map: `${lines.join('\n')}\n`,
    effectiveDate: MERGE_DATES[r] as string,
    designations:
      round.partial && groups > 1 && round.designateSecond
        ? { [chosen[0]?.code as string]: code(1) }
        : undefined,
  });
  return true;
}

interface RawResult {
  unitId: number;
  indicatorId: number;
  endDate: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: number | null;
  state: string | null;
}
interface RawUnit {
  id: number;
  validFrom: string;
  validTo: string | null;
  isGrassroots: number;
  path: string;
}

/** Raw rows, read once per check: results with their report's state, and each version's placed units. */
function raw(w: World) {
  const results = w.db.all<RawResult>(sql`
    SELECT r.unit_id AS unitId, r.indicator_id AS indicatorId, p.end_date AS endDate, r.value, r.numerator,
           r.denominator, r.meets, s.state
    FROM results r JOIN periods p ON p.id = r.period_id
    LEFT JOIN submissions s ON s.unit_id = r.unit_id AND s.period_id = r.period_id`);
  const placedUnits = new Map<number, RawUnit[]>();
  for (const v of versions(w.db)) {
    placedUnits.set(
      v,
      w.db.all<RawUnit>(sql`
        SELECT u.id, u.valid_from AS validFrom, u.valid_to AS validTo, u.is_grassroots AS isGrassroots, p.path
        FROM placements p JOIN units u ON u.id = p.unit_id WHERE p.structure_version_id = ${v}`),
    );
  }
  return { results, placedUnits };
}

const alive = (u: Pick<RawUnit, 'validFrom' | 'validTo'>, date: string) =>
  u.validFrom <= date && (u.validTo === null || date < u.validTo);

/** The figure computed by brute force from raw rows: what the rules in DESIGN.md say it is. */
function oracle(
  w: World,
  rows: ReturnType<typeof raw>,
  versionId: number,
  unitId: number,
  indicator: Indicator,
  asOf: string,
  basis: Basis,
) {
  const all = rows.placedUnits.get(versionId) ?? [];
  const path = all.find((u) => u.id === unitId)?.path as string;
  const subtree = all.filter((u) => u.path.startsWith(path));
  const states = basis === 'approved' ? ['approved'] : ['approved', 'submitted'];
  const ids = new Set(subtree.map((u) => u.id));
  const mine = rows.results.filter(
    (r) =>
      r.indicatorId === indicator.id &&
      r.endDate <= asOf &&
      ids.has(r.unitId) &&
      r.state !== null &&
      states.includes(r.state),
  );
  const ended = w.periods.filter((p) => p.endDate <= asOf);
  const standsAt = ended[ended.length - 1];
  const level = isLevelMeasure(indicator);
  let value = 0;
  let numerator = 0;
  let denominator = 0;
  let meeting = 0;
  let reported = 0;
  if (!level) {
    for (const r of mine) {
      value += r.value ?? 0;
      numerator += r.numerator ?? 0;
      denominator += r.denominator ?? 0;
    }
  } else if (standsAt) {
    for (const u of subtree) {
      if (!alive(u, standsAt.endDate)) continue;
      const own = mine
        .filter((r) => r.unitId === u.id && reportsPeriod(u, r))
        .sort((a, b) => a.endDate.localeCompare(b.endDate));
      const latest = own[own.length - 1];
      if (!latest) continue;
      value += latest.value ?? 0;
      numerator += latest.numerator ?? 0;
      denominator += latest.denominator ?? 0;
      meeting += latest.meets === 1 ? 1 : 0;
      reported++;
    }
  }
  const meetingType = indicator.measureType === 'units_meeting';
  const expected = standsAt
    ? subtree.filter((u) => u.isGrassroots === 1 && alive(u, standsAt.endDate)).length
    : 0;
  const hasData = level ? reported > 0 : mine.length > 0;
  let v: number | null = null;
  if (hasData) {
    if (indicator.measureType === 'ratio') {
      v = denominator > 0 ? ratioToScaledPercent(numerator, denominator, indicator.decimals) : null;
    } else if (meetingType) {
      v = expected > 0 ? ratioToScaledPercent(meeting, expected, indicator.decimals) : null;
    } else v = value;
  }
  return {
    value: v,
    numerator: indicator.measureType === 'ratio' ? numerator : 0,
    denominator: indicator.measureType === 'ratio' ? denominator : 0,
    hasData,
    meeting: meetingType ? meeting : 0,
    expected: meetingType ? expected : 0,
    reported: level ? reported : 0,
  };
}

const versions = (db: Db) =>
  db.all<{ id: number }>(sql`SELECT id FROM structure_versions ORDER BY id`).map((v) => v.id);
const rootOf = (db: Db, versionId: number) =>
  db.get<{ id: number }>(
    sql`SELECT unit_id AS id FROM placements WHERE structure_version_id = ${versionId} AND parent_id IS NULL`,
  )?.id as number;
const placed = (db: Db, versionId: number) =>
  db.all<{ id: number; parentId: number | null }>(
    sql`SELECT unit_id AS id, parent_id AS parentId FROM placements WHERE structure_version_id = ${versionId}`,
  );

const reader = (w: World, versionId: number, unitId: number, asOf: string, basis: Basis) =>
  new FigureReader(
    w.db,
    resolveScope(
      w.db,
      'system',
      { termId: w.termId, unitId, asOf, basis, structureVersionId: versionId },
      asOf,
    ),
  );
const summable = (f: Figure) => ({
  value: f.value,
  numerator: f.numerator,
  denominator: f.denominator,
  meeting: f.meeting,
  expected: f.expected,
  reported: f.reported,
  hasData: f.hasData,
});

describe('figures that stay true with partial reporting, zeros and reorganisations', () => {
  it('every figure equals the rules: structures agree, ≤ 100 %, rows add up, kept = rebuilt', {
    timeout: 300_000,
  }, () => {
    fc.assert(
      fc.property(scenarioArb, ({ parents, reports, rounds, mover }) => {
        const w = build(parents);
        let draw = 0;
        const next = () => draw++;
        const [h1, h2, h3, h4, h5, h6] = w.periods as [Period, Period, Period, Period, Period, Period];
        report(w, [h1, h2], reports, next);
        if (rounds[0]) merge(w, rounds[0], 0);
        report(w, [h3, h4], reports, next);
        if (rounds[1]) merge(w, rounds[1], 1);
        report(w, [h5, h6], reports, next);

        const rows = raw(w);
        for (const asOf of DATES) {
          for (const basis of ['approved', 'submitted'] as const) {
            const whole = new Map<number, unknown>();
            for (const versionId of versions(w.db)) {
              const root = rootOf(w.db, versionId);
              const r = reader(w, versionId, root, asOf, basis);
              for (const unit of placed(w.db, versionId)) {
                for (const indicator of w.indicators) {
                  const figure = r.figure(unit.id, indicator);
                  expect(summable(figure)).toEqual(
                    oracle(w, rows, versionId, unit.id, indicator, asOf, basis),
                  );
                  if (indicator.measureType === 'units_meeting') {
                    expect(figure.meeting).toBeLessThanOrEqual(figure.expected);
                    if (figure.value !== null) expect(figure.value).toBeLessThanOrEqual(1000);
                  }
                }
              }
              // The whole organisation gives the same figures in every structure.
              for (const indicator of w.indicators) {
                const f = summable(r.figure(root, indicator));
                const seen = whole.get(indicator.id);
                if (seen) expect(f).toEqual(seen);
                else whole.set(indicator.id, f);
              }
              if (basis === 'submitted' || !['2023-03-15', '2024-12-31'].includes(asOf)) continue;
              // A breakdown's rows and the unit's own row add up to the unit's figure.
              for (const unit of placed(w.db, versionId)) {
                const scope = resolveScope(
                  w.db,
                  'system',
                  { termId: w.termId, unitId: unit.id, asOf, basis, structureVersionId: versionId },
                  asOf,
                );
                for (const indicator of w.indicators) {
                  const b = targetBreakdown(w.db, scope, w.targetOf.get(indicator.id) as number);
                  if (b.rows.length === 0) continue;
                  const parts = [...b.rows.map((row) => row.figure), ...(b.own ? [b.own.figure] : [])];
                  const total = r.figure(unit.id, indicator);
                  for (const k of ['numerator', 'denominator', 'meeting', 'expected', 'reported'] as const) {
                    expect(parts.reduce((sum, f) => sum + f[k], 0)).toBe(total[k]);
                  }
                  if (['cumulative', 'amount', 'stock'].includes(indicator.measureType)) {
                    expect(parts.reduce((sum, f) => sum + (f.value ?? 0), 0)).toBe(total.value ?? 0);
                  }
                }
              }
            }
          }
        }

        // One unit reporting a new figure moves each of its scopes by exactly its own change.
        const open = units(w.db).filter((u) => reportsPeriod(u, h6) && u.isGrassroots === 1);
        const unit = open[mover % open.length];
        if (unit) {
          const figuresOf = () =>
            versions(w.db).flatMap((versionId) =>
              placed(w.db, versionId).flatMap((p) => {
                const r = reader(w, versionId, p.id, '2024-12-31', 'approved');
                return w.indicators.map((i) => ({
                  versionId,
                  unitId: p.id,
                  indicator: i,
                  f: r.figure(p.id, i),
                }));
              }),
            );
          const before = figuresOf();
          setSubmissionState(w.db, { unitId: unit.id, periodId: h6.id, state: 'draft' });
          for (const indicator of w.indicators) {
            recordResult(w.db, {
              unitId: unit.id,
              indicatorId: indicator.id,
              periodId: h6.id,
              value: 7,
              numerator: 1,
              denominator: 3,
              meets: true,
            });
          }
          setSubmissionState(w.db, { unitId: unit.id, periodId: h6.id, state: 'approved' });
          const after = figuresOf();
          const change = (versionId: number, unitId: number, indicatorId: number) => {
            const i = before.findIndex(
              (x) => x.versionId === versionId && x.unitId === unitId && x.indicator.id === indicatorId,
            );
            const a = after[i]?.f as Figure;
            const b = before[i]?.f as Figure;
            const share = ['ratio', 'units_meeting'].includes(before[i]?.indicator.measureType ?? '');
            return [
              a.numerator - b.numerator,
              a.denominator - b.denominator,
              a.meeting - b.meeting,
              a.reported - b.reported,
              share ? 0 : (a.value ?? 0) - (b.value ?? 0),
            ];
          };
          for (const versionId of versions(w.db)) {
            const path = w.db.get<{ path: string }>(
              sql`SELECT path FROM placements WHERE structure_version_id = ${versionId} AND unit_id = ${unit.id}`,
            )?.path as string;
            const ancestors = new Set(path.split('/').filter(Boolean).map(Number));
            for (const p of placed(w.db, versionId)) {
              for (const indicator of w.indicators) {
                const own = change(versionId, unit.id, indicator.id);
                expect(change(versionId, p.id, indicator.id)).toEqual(
                  ancestors.has(p.id) ? own : own.map(() => 0),
                );
              }
            }
          }
        }

        const kept = rollupSnapshot(w.db);
        rebuildRollups(w.db);
        expect(rollupSnapshot(w.db)).toEqual(kept);
        w.db.$client.close();
      }),
      { numRuns: 20 },
    );
  });
});
