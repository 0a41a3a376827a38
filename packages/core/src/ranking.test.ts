import { describe, expect, it } from 'vitest';
import { behindReason, cappedPace, isLagging, type JudgedTarget, rankUnits, unitScore } from './ranking.ts';

const judged = (
  targetId: number,
  progress: number | null,
  over: Partial<JudgedTarget> = {},
): JudgedTarget => ({
  targetId,
  status: progress === null ? null : progress >= 1 ? 'achieved' : progress >= 0.45 ? 'on_track' : 'behind',
  progress,
  expectedShare: 0.5,
  hasGoal: true,
  reported: progress !== null,
  ...over,
});

describe('capped pace', () => {
  it.each([
    [judged(1, 0.25), 0.5],
    [judged(1, 0.5), 1],
    [judged(1, 0.9, { status: 'on_track' }), 1], // ahead is capped: it must not hide another target
    [judged(1, 1.2, { status: 'exceeded' }), 1],
    [judged(1, null), 0], // not reported counts as nothing done
    [judged(1, 0, { expectedShare: 0, status: 'on_track' }), 1], // nothing expected yet
    [judged(1, -0.2, { status: 'behind' }), 0], // a state measure below its baseline
  ])('%o → %d', (target, pace) => {
    expect(cappedPace(target)).toBeCloseTo(pace, 10);
  });
});

describe('unit score', () => {
  it('is the mean capped pace over the targets with a goal', () => {
    expect(unitScore([judged(1, 0.25), judged(2, 0.5), judged(3, 0.1, { hasGoal: false })])).toBeCloseTo(
      0.75,
    );
  });
  it('counts an unreported target as 0 once the unit reported something', () => {
    expect(unitScore([judged(1, 0.5), judged(2, null)])).toBeCloseTo(0.5);
  });
  it('is null when the unit reported nothing it has a goal for, or has no goal', () => {
    expect(unitScore([judged(1, null), judged(2, null)])).toBeNull();
    expect(unitScore([judged(1, 0.5, { hasGoal: false })])).toBeNull();
    expect(unitScore([])).toBeNull();
  });
});

describe('ranking', () => {
  const ranked = rankUnits([
    { unitId: 1, name: 'Tuy Phong', targets: [judged(1, 0.5), judged(2, 0.5)] },
    { unitId: 2, name: 'Bắc Bình', targets: [judged(1, 0.1), judged(2, 0.5)] },
    { unitId: 3, name: 'Hàm Tân', targets: [judged(1, null), judged(2, null)] },
    { unitId: 4, name: 'Đức Linh', targets: [judged(1, 0.5), judged(2, 0.5)] },
    { unitId: 5, name: 'Phú Quý', targets: [judged(1, 0.3, { hasGoal: false })] },
    { unitId: 6, name: 'Hàm Thuận Bắc', targets: [judged(1, 0.4, { status: 'at_risk' }), judged(2, null)] },
  ]);

  it('puts units that reported nothing first, then the lowest score, units without goals last', () => {
    expect(ranked.map((u) => u.unitId)).toEqual([3, 6, 2, 4, 1, 5]);
    expect(ranked.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('flags a unit with no report as unreported with no score (never 0)', () => {
    expect(ranked[0]).toMatchObject({ unitId: 3, unreported: true, score: null });
    expect(ranked[5]).toMatchObject({ unitId: 5, unreported: false, score: null, judged: 0 });
  });
  it('breaks ties by Vietnamese name order (Đ after D, before T)', () => {
    const tied = ranked.filter((u) => u.score === 1).map((u) => u.name);
    expect(tied).toEqual(['Đức Linh', 'Tuy Phong']);
  });
  it('among equal capped scores, puts the unit less far ahead first', () => {
    const order = rankUnits([
      { unitId: 1, name: 'A', targets: [judged(1, 1.5, { status: 'exceeded' })] },
      { unitId: 2, name: 'B', targets: [judged(1, 0.6)] },
      { unitId: 3, name: 'C', targets: [judged(1, 0.5)] },
    ]);
    expect(order.map((u) => [u.unitId, u.score])).toEqual([
      [3, 1],
      [2, 1],
      [1, 1],
    ]);
  });
  it('lists the targets each unit is behind on, worst first, with the reason', () => {
    expect(ranked.find((u) => u.unitId === 6)?.behindOn).toEqual([
      { targetId: 2, reason: 'unreported' },
      { targetId: 1, reason: 'at_risk' },
    ]);
    expect(ranked.find((u) => u.unitId === 2)?.behindOn).toEqual([{ targetId: 1, reason: 'behind' }]);
    expect(ranked.find((u) => u.unitId === 1)?.behindOn).toEqual([]);
  });
  it('judges a target without a goal not at all', () => {
    expect(behindReason(judged(1, 0.1, { hasGoal: false }))).toBeNull();
  });
  it('calls a unit lagging below the on-track band', () => {
    expect(isLagging(0.89)).toBe(true);
    expect(isLagging(0.9)).toBe(false);
    expect(isLagging(null)).toBe(true);
  });
});
