import { MEASURE_TYPES } from '@chitieu/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordResult, setSubmissionState } from './results.ts';
import { rebuildRollups } from './rollup.ts';
import {
  freshDatabase,
  makeIndicator,
  makePeriods,
  makeTree,
  placeInNewVersion,
  rollupSnapshot,
} from './testing.ts';

/** Parent index of each node (-1 for the root, else an earlier node): every such array is a tree. */
const treeArb = fc
  .integer({ min: 1, max: 20 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }),
      ),
    ),
  );

const opArb = (units: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('result' as const),
      unit: fc.integer({ min: 0, max: units - 1 }),
      indicator: fc.integer({ min: 0, max: MEASURE_TYPES.length - 1 }),
      period: fc.integer({ min: 0, max: 2 }),
      value: fc.integer({ min: 0, max: 5_000_000_000 }),
      num: fc.integer({ min: 0, max: 50 }),
      extra: fc.integer({ min: 0, max: 50 }),
      meets: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('state' as const),
      unit: fc.integer({ min: 0, max: units - 1 }),
      period: fc.integer({ min: 0, max: 2 }),
      state: fc.constantFrom('draft', 'submitted', 'returned', 'approved' as const),
    }),
  );

const scenarioArb = treeArb.chain((parents) =>
  fc.record({
    parents: fc.constant(parents),
    // A reorganised tree of the same units: the incremental path must keep both versions right.
    secondParents: fc.tuple(
      ...parents.map((_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }))),
    ),
    // Most reports start approved, so results reach the roll-ups and later state changes move them.
    initial: fc.array(fc.constantFrom('approved', 'approved', 'submitted', 'draft' as const), {
      minLength: parents.length * 3,
      maxLength: parents.length * 3,
    }),
    ops: fc.array(opArb(parents.length), { minLength: 1, maxLength: 60 }),
  }),
);

describe('roll-up table', () => {
  it('kept incrementally equals a rebuild from scratch, on generated trees, results and workflow changes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ parents, secondParents, initial, ops }) => {
        const db = freshDatabase();
        const { ids } = makeTree(db, parents, { grassroots: (i) => i % 2 === 1 });
        placeInNewVersion(db, ids, secondParents);
        const indicators = MEASURE_TYPES.map((measureType) =>
          makeIndicator(db, { measureType, decimals: 1 }),
        );
        const periods = makePeriods(db, 3);
        initial.forEach((state, i) => {
          const periodId = (periods[i % 3] as { id: number }).id;
          setSubmissionState(db, { unitId: ids[Math.floor(i / 3)] as number, periodId, state });
        });
        for (const op of ops) {
          const unitId = ids[op.unit] as number;
          const periodId = (periods[op.period] as { id: number }).id;
          if (op.kind === 'state') {
            setSubmissionState(db, { unitId, periodId, state: op.state });
            continue;
          }
          const indicator = indicators[op.indicator] as { id: number; measureType: string };
          if (indicator.measureType === 'units_meeting' && op.unit % 2 === 0) {
            // Only grassroots units answer it; the refusal writes nothing.
            expect(() =>
              recordResult(db, { unitId, indicatorId: indicator.id, periodId, meets: op.meets }),
            ).toThrow(/cơ sở Hội/);
            continue;
          }
          recordResult(db, {
            unitId,
            indicatorId: indicator.id,
            periodId,
            value: op.value,
            numerator: op.num,
            denominator: op.num + op.extra,
            meets: op.meets,
          });
        }
        const kept = rollupSnapshot(db);
        rebuildRollups(db);
        expect(kept).toEqual(rollupSnapshot(db));
        db.$client.close();
      }),
      { numRuns: 60 },
    );
  });

  it('counts a result only once its report is submitted (submitted basis) or approved (both bases)', () => {
    const db = freshDatabase();
    const { ids, versionId } = makeTree(db, [-1, 0]);
    const indicator = makeIndicator(db);
    const [period] = makePeriods(db, 1);
    const key = { unitId: ids[1] as number, indicatorId: indicator.id, periodId: period?.id as number };
    recordResult(db, { ...key, value: 7 });
    const sumAt = (basis: string) =>
      db.$client
        .prepare('SELECT value FROM rollups WHERE structure_version_id = ? AND ancestor_id = ? AND basis = ?')
        .pluck()
        .get(versionId, ids[0], basis);
    expect([sumAt('submitted'), sumAt('approved')]).toEqual([undefined, undefined]);
    setSubmissionState(db, { unitId: key.unitId, periodId: key.periodId, state: 'submitted' });
    expect([sumAt('submitted'), sumAt('approved')]).toEqual([7, undefined]);
    setSubmissionState(db, { unitId: key.unitId, periodId: key.periodId, state: 'approved' });
    recordResult(db, { ...key, value: 9 });
    expect([sumAt('submitted'), sumAt('approved')]).toEqual([9, 9]);
    setSubmissionState(db, { unitId: key.unitId, periodId: key.periodId, state: 'returned' });
    expect([sumAt('submitted'), sumAt('approved')]).toEqual([undefined, undefined]);
  });
});
