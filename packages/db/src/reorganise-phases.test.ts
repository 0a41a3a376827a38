/**
 * The planning phases on small hand-made inputs, without a database (docs/decisions/0031). The
 * whole reorganisation, against real databases, is in reorganise.test.ts.
 *
 * The tree: Tỉnh 60 (1) ─ Huyện 593 (2) ─ Xã A (3), Xã B (4)
 *                       └ Huyện 594 (5) ─ Xã C (6), Xã E (7)
 */
import { DomainError } from '@chitieu/core';
import { describe, expect, it } from 'vitest';
import { rebaseAllocations } from './reorganise-allocations.ts';
import { labeller } from './reorganise-describe.ts';
import type { MergeRow } from './reorganise-map.ts';
import { matchUnits } from './reorganise-match.ts';
import { lowestCommon, placeUnits } from './reorganise-placements.ts';
import { moveRoles } from './reorganise-roles.ts';
import { findSuccessors } from './reorganise-successors.ts';
import type { ReorganiseInput, UnitInfo } from './reorganise-types.ts';

const unit = (id: number, code: string, type: string, parentId: number | null, depth: number): UnitInfo => ({
  id,
  code,
  name: `${type} ${code}`,
  type,
  isGrassroots: type === 'Xã' ? 1 : 0,
  validFrom: '2021-01-01',
  validTo: null,
  parentId,
  depth,
  sortOrder: id,
});

const UNITS: UnitInfo[] = [
  unit(1, '60', 'Tỉnh', null, 0),
  unit(2, '593', 'Huyện', 1, 1),
  unit(5, '594', 'Huyện', 1, 1),
  unit(3, 'A', 'Xã', 2, 2),
  unit(4, 'B', 'Xã', 2, 2),
  unit(6, 'C', 'Xã', 5, 2),
  unit(7, 'E', 'Xã', 5, 2),
];
const byId = new Map(UNITS.map((u) => [u.id, u]));
const DATE = '2024-12-01';

let line = 1;
const row = (oldCode: string, newCode: string, newParentCode: string, kind: MergeRow['kind'] = 'full') => ({
  line: ++line,
  newCode,
  newName: `Xã ${newCode}`,
  newParentCode,
  oldCode,
  oldName: `Xã ${oldCode}`,
  kind,
});

/** The phases up to placements, as the planner runs them, for a map that has no problems. */
function planned(rows: MergeRow[], choices: ReorganiseInput | Record<string, never> = {}) {
  const matched = matchUnits(UNITS, rows, DATE, new Map());
  const successors = findSuccessors(rows, matched, choices);
  expect([...matched.problems, ...successors.problems]).toEqual([]);
  const placements = placeUnits(UNITS, rows, matched, successors);
  return { matched, successors, placements, label: labeller(byId, successors) };
}

describe('match', () => {
  it('matches old codes among the open units, warns on another name, explains codes that match none', () => {
    const closedE = { ...unit(8, 'Z', 'Xã', 5, 2), validTo: '2023-01-01' };
    const rows = [{ ...row('A', 'N', '593'), oldName: 'Xã Cũ' }, row('Z', 'N', '593'), row('Q', 'N', '593')];
    const m = matchUnits(
      [...UNITS, closedE],
      rows,
      DATE,
      new Map([['Z', { name: 'Xã Z', validTo: '2023-01-01' }]]),
    );
    expect([...m.closing.keys()]).toEqual(['A']);
    expect(m.open.map((u) => u.id)).toEqual([1, 2, 5, 3, 4, 6, 7]);
    expect(m.warnings.map((w) => w.code)).toEqual(['A']);
    expect(m.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/mã Z \(Xã Z\) đã giải thể từ ngày 01\/01\/2023/),
      expect.stringMatching(/không có đơn vị đang hoạt động mang mã Q/),
    ]);
  });

  it('refuses a unit that starts on or after the effective date', () => {
    const late = [{ ...unit(3, 'A', 'Xã', 2, 2), validFrom: DATE }];
    expect(matchUnits(late, [row('A', 'N', '593')], DATE, new Map()).problems).toHaveLength(1);
  });
});

describe('successors', () => {
  const matched = matchUnits(UNITS, [], DATE, new Map());
  const closingAll = { ...matched, closing: new Map(UNITS.map((u) => [u.code, u])) };

  it('defaults a split unit to its first successor, or takes the designated one', () => {
    const rows = [row('C', 'X', '594', 'partial'), row('C', 'Y', '594', 'partial')];
    const ofRows = matchUnits(UNITS, rows, DATE, new Map());
    const byDefault = findSuccessors(rows, ofRows, {});
    expect(byDefault.designatedOf.get('C')).toBe('X');
    expect(byDefault.partials).toEqual([
      expect.objectContaining({ oldCode: 'C', designated: 'X', defaulted: true }),
    ]);
    const chosen = findSuccessors(rows, ofRows, { designations: { C: 'Y' } });
    expect(chosen.designatedOf.get('C')).toBe('Y');
    expect(chosen.problems).toEqual([]);
  });

  it('lists every problem: two full successors, a designation not in the map, a cycle', () => {
    const rows = [row('A', 'X', 'Y'), row('A', 'Y', 'X'), row('B', 'X', 'Y')];
    const s = findSuccessors(rows, closingAll, { designations: { Q: 'X' } });
    expect(s.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/2 đơn vị kế thừa “full”/),
      expect.stringMatching(/vòng cấp trên/),
      expect.stringMatching(/mã Q, mã này không có trong bản đồ/),
    ]);
  });

  it('finds parents among new units, units that stay, or creates them with a type read from the name', () => {
    const rows = [row('A', 'N', '593'), row('B', 'M', 'N'), row('C', 'K', '68')];
    const { closing } = matchUnits(UNITS, rows, DATE, new Map());
    const s = findSuccessors(rows, { ...matched, closing }, { parentNames: { '68': 'Tỉnh Lâm Đồng' } });
    expect(Object.fromEntries(s.parentKeyOf)).toEqual({ N: 'u:2', M: 'n:N', K: 'p:68' });
    expect([...s.createdParents.values()]).toEqual([{ code: '68', name: 'Tỉnh Lâm Đồng', type: 'Tỉnh' }]);
  });
});

describe('placements', () => {
  it('a merge: the new unit sits under the old parent, and the merged units are attributed to it', () => {
    const { placements: p } = planned([row('A', 'N', '593'), row('B', 'N', '593')]);
    expect(p.tree.get('n:N')).toEqual({ parent: 'u:2', sortOrder: 3 });
    expect(p.tree.has('u:3')).toBe(false);
    expect(Object.fromEntries(p.attribution)).toEqual({ 3: 'n:N', 4: 'n:N' });
    expect(p.ended).toEqual([]);
    expect(p.closedIds).toEqual([3, 4]);
  });

  it('a level left without open units ends, attributed to the lowest unit holding its units’ heirs', () => {
    const { placements: p } = planned([row('C', 'M', '60'), row('E', 'M', '60')]);
    expect(p.ended.map((u) => u.code)).toEqual(['594']);
    expect(p.attribution.get(5)).toBe('n:M');
    expect(p.tree.get('n:M')?.parent).toBe('u:1');
    expect(p.closedIds).toEqual([6, 7, 5]);
  });

  it('a created parent of the root’s type replaces the root, and the units left under it move', () => {
    const rows = [row('C', 'M', '68'), row('E', 'M', '68')];
    const matched = matchUnits(UNITS, rows, DATE, new Map());
    const successors = findSuccessors(rows, matched, { parentNames: { '68': 'Tỉnh Lâm Đồng' } });
    const p = placeUnits(UNITS, rows, matched, successors);
    expect(p.replaced.map((u) => u.id)).toEqual([1]);
    expect(p.tree.get('p:68')).toEqual({ parent: null, sortOrder: 1 });
    expect(p.tree.get('u:2')?.parent).toBe('p:68');
    expect(p.attribution.get(1)).toBe('p:68');
    expect(p.warnings).toEqual([]);
  });

  it('warns when a created parent of another type would sit under the root, and refuses two roots', () => {
    const rows = [row('C', 'M', '68'), row('E', 'M', '68')];
    const matched = matchUnits(UNITS, rows, DATE, new Map());
    const successors = findSuccessors(rows, matched, {
      parentNames: { '68': 'Hội LHPN tỉnh Lâm Đồng' },
      parentTypes: { '68': 'Hội' },
    });
    expect(placeUnits(UNITS, rows, matched, successors).warnings.map((w) => w.code)).toEqual(['68']);
    const apart = [row('A', 'N', 'X9')];
    const m2 = matchUnits([unit(3, 'A', 'Xã', null, 0), unit(9, 'Q', 'Xã', null, 0)], apart, DATE, new Map());
    const s2 = findSuccessors(apart, m2, {});
    expect(() =>
      placeUnits([unit(3, 'A', 'Xã', null, 0), unit(9, 'Q', 'Xã', null, 0)], apart, m2, s2),
    ).toThrow(DomainError);
  });

  it('takes the longest common start of paths', () => {
    expect(
      lowestCommon([
        [1, 2, 3],
        [1, 2, 4],
        [1, 2],
      ]),
    ).toEqual([1, 2]);
    expect(lowestCommon([])).toEqual([]);
  });
});

describe('allocations', () => {
  it('sums the closed units’ goals per target to their successor; other units keep theirs', () => {
    const { placements, label } = planned([row('A', 'N', '593'), row('B', 'N', '593')]);
    const allocation = (unitId: number, goal: number) => ({
      targetId: 10,
      code: 'T1',
      shortName: 'Hội viên',
      unitId,
      goal,
    });
    const r = rebaseAllocations(
      [allocation(2, 50), allocation(3, 7), allocation(4, 5)],
      byId,
      placements,
      label,
    );
    expect(r.allocationSums).toEqual([{ targetId: 10, toKey: 'n:N', goal: 12 }]);
    expect(r.allocations).toEqual([
      {
        targetId: 10,
        targetCode: 'T1',
        targetName: 'Hội viên',
        from: [
          { code: 'A', name: 'Xã A', goal: 7 },
          { code: 'B', name: 'Xã B', goal: 5 },
        ],
        toCode: 'N',
        toName: 'Xã N',
        goal: 12,
      },
    ]);
  });
});

describe('roles', () => {
  it('moves roles on merged units to the successor; a role on an ended level waits for an admin', () => {
    const { placements, label } = planned([row('C', 'M', '60'), row('E', 'M', '60')]);
    const role = (id: number, unitId: number) => ({
      id,
      userId: id,
      username: `u${id}`,
      role: 'approver',
      unitId,
    });
    const r = moveRoles([role(1, 1), role(2, 6), role(3, 5)], byId, placements, label);
    expect(r.roleMoves).toEqual([{ assignmentId: 2, toKey: 'n:M' }]);
    expect(r.roles.map((x) => [x.username, x.fromCode, x.toCode])).toEqual([
      ['u2', 'C', 'M'],
      ['u3', '594', null],
    ]);
  });
});
