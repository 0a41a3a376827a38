import { DomainError } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Actor } from '../access.ts';
import type { Db } from '../client.ts';
import { termTargets } from '../figures/targets.ts';
import { recordResult } from '../results.ts';
import { freshDatabase, makeTree } from '../testing.ts';
import { allocationEditor, saveAllocations } from './allocations.ts';
import { copyTerm } from './copy-term.ts';
import { createIndicator, type IndicatorInput, updateIndicator } from './indicators.ts';
import { createTarget, type TargetInput, termSetup, updateTarget } from './targets.ts';
import { createTerm, generateTermPeriods, updatePeriodDeadline, updateTerm } from './terms.ts';

let db: Db;
let root: number;
let children: number[];
let admin: Actor;
let manager: Actor;
let entry: Actor;

beforeEach(() => {
  db = freshDatabase();
  const tree = makeTree(db, [-1, 0, 0, 0, 1]);
  [root] = tree.ids as [number];
  children = tree.ids.slice(1, 4);
  admin = { id: 1, roles: [{ role: 'admin', unitId: root }] };
  // A manager of the first district: allocates inside it, not the province's targets.
  manager = { id: 2, roles: [{ role: 'manager', unitId: children[0] as number }] };
  entry = { id: 3, roles: [{ role: 'entry', unitId: root }] };
  for (const [id, name] of [
    [1, 'admin'],
    [2, 'manager'],
    [3, 'entry'],
  ] as const) {
    db.run(
      sql`INSERT INTO users (id, username, display_name, password_hash) VALUES (${id}, ${name}, ${name}, 'x')`,
    );
  }
});

const counts = () =>
  db.get<Record<string, number>>(sql`SELECT
    (SELECT COUNT(*) FROM terms) AS terms, (SELECT COUNT(*) FROM targets) AS targets,
    (SELECT COUNT(*) FROM indicators) AS indicators, (SELECT COUNT(*) FROM target_allocations) AS allocations,
    (SELECT COUNT(*) FROM periods) AS periods, (SELECT COUNT(*) FROM audit_events) AS audits,
    (SELECT group_concat(goal) FROM targets) AS goals, (SELECT group_concat(name) FROM indicators) AS names`);

const refused = (fn: () => unknown, code: string, message?: RegExp) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    if (message) expect((error as DomainError).message).toMatch(message);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

const indicator = (values: Partial<IndicatorInput> = {}): IndicatorInput => ({
  code: 'THOATNGHEO',
  name: 'Hộ thoát nghèo',
  measurementUnit: 'hộ',
  measureType: 'cumulative',
  decimals: 0,
  frequency: 'half',
  ratioOverTime: 'sum',
  ...values,
});

const TERM = {
  code: 'XV',
  name: 'Đại hội đại biểu Phụ nữ tỉnh lần thứ XV, nhiệm kỳ 2021–2026',
  shortName: 'Nhiệm kỳ 2021–2026',
  startDate: '2021-10-01',
  midTermDate: '2024-03-31',
  endDate: '2026-09-30',
};

const target = (primaryIndicatorId: number, values: Partial<TargetInput> = {}): TargetInput => ({
  code: 'CT1',
  wording: 'Giúp 1.000 hộ thoát nghèo',
  shortName: 'Hộ thoát nghèo',
  primaryIndicatorId,
  relatedIndicatorIds: [],
  baseline: '',
  goal: '100',
  midTermMilestone: '',
  yearlyPlan: [],
  direction: 'at_least',
  counted: true,
  sortOrder: 1,
  ...values,
});

function setUp() {
  const ind = createIndicator(db, admin, indicator());
  const term = createTerm(db, admin, TERM);
  const created = createTarget(db, admin, term.id, target(ind.id));
  return { ind, term, target: created.target };
}

describe('indicators', () => {
  test('an indicator with results keeps its measure type and decimals; other edits are audited', () => {
    const { ind, term } = setUp();
    const [period] = generateTermPeriods(db, admin, term.id, ['half']);
    recordResult(db, {
      unitId: children[1] as number,
      indicatorId: ind.id,
      periodId: (period as { id: number }).id,
      value: 5,
    });
    const before = counts();
    refused(
      () =>
        updateIndicator(db, admin, ind.id, {
          ...indicator({ measureType: 'stock' }),
          expectedVersion: ind.version,
        }),
      'conflict',
      /đã có kết quả/,
    );
    refused(
      () =>
        updateIndicator(db, admin, ind.id, { ...indicator({ decimals: 1 }), expectedVersion: ind.version }),
      'conflict',
    );
    expect(counts()).toEqual(before);

    const renamed = updateIndicator(db, admin, ind.id, {
      ...indicator({ name: 'Số hộ thoát nghèo' }),
      expectedVersion: ind.version,
    });
    expect(renamed.name).toBe('Số hộ thoát nghèo');
    expect(renamed.hasResults).toBe(true);
    const event = db.get<{ before: string; after: string; user_id: number }>(
      sql`SELECT before, after, user_id FROM audit_events WHERE entity = 'indicator' AND action = 'update'`,
    );
    expect(JSON.parse(event?.before ?? '{}').name).toBe('Hộ thoát nghèo');
    expect(JSON.parse(event?.after ?? '{}').name).toBe('Số hộ thoát nghèo');
    expect(event?.user_id).toBe(admin.id);

    // The version the first editor saw is stale now.
    refused(
      () =>
        updateIndicator(db, admin, ind.id, { ...indicator({ name: 'Khác' }), expectedVersion: ind.version }),
      'conflict',
      /vừa được người khác thay đổi/,
    );
  });

  test('without results the measure type may still change; duplicate codes and non-admins are refused', () => {
    const ind = createIndicator(db, admin, indicator());
    const changed = updateIndicator(db, admin, ind.id, {
      ...indicator({ measureType: 'stock' }),
      expectedVersion: ind.version,
    });
    expect(changed.measureType).toBe('stock');
    const before = counts();
    refused(() => createIndicator(db, admin, indicator()), 'conflict', /đã có/);
    refused(() => createIndicator(db, manager, indicator({ code: 'X' })), 'forbidden');
    refused(() => createIndicator(db, entry, indicator({ code: 'X' })), 'forbidden');
    refused(
      () => createIndicator(db, admin, indicator({ code: 'M', measureType: 'amount', decimals: 2 })),
      'invalid',
    );
    expect(counts()).toEqual(before);
  });
});

describe('an indicator’s decimals and kind give its targets’ goals their meaning', () => {
  test('more decimals rescale the goals; fewer only when no digit is lost; count ↔ share is refused', () => {
    const { ind, term, target: t } = setUp();
    const top = allocationEditor(db, admin, t.id);
    saveAllocations(db, admin, t.id, {
      expectedVersion: top.version,
      allocations: [{ unitId: children[0] as number, goal: '60' }],
    });
    const one = updateIndicator(db, admin, ind.id, {
      ...indicator({ decimals: 1 }),
      expectedVersion: ind.version,
    });
    const goals = () =>
      db.get<{ goal: number; alloc: number }>(
        sql`SELECT t.goal, a.goal AS alloc FROM targets t JOIN target_allocations a ON a.target_id = t.id WHERE t.id = ${t.id}`,
      );
    // 100 hộ is still 100,0 hộ.
    expect(goals()).toEqual({ goal: 1000, alloc: 600 });
    const current = termSetup(db, admin, term.id).targets[0] as { version: string };
    updateTarget(db, admin, t.id, { ...target(ind.id, { goal: '100,5' }), expectedVersion: current.version });
    const before = counts();
    refused(
      () => updateIndicator(db, admin, ind.id, { ...indicator(), expectedVersion: one.version }),
      'conflict',
      /chữ số thập phân/,
    );
    refused(
      () =>
        updateIndicator(db, admin, ind.id, {
          ...indicator({ measureType: 'ratio', decimals: 1 }),
          expectedVersion: one.version,
        }),
      'conflict',
      /số lượng hay tỷ lệ/,
    );
    expect(counts()).toEqual(before);
    // A count may become a stock (both are counts): the goal keeps its number.
    updateIndicator(db, admin, ind.id, {
      ...indicator({ measureType: 'stock', decimals: 1 }),
      expectedVersion: one.version,
    });
    expect(goals()?.goal).toBe(1005);
  });
});

describe('terms and periods', () => {
  test('periods of the term with default deadlines, shared with other terms; deadlines editable', () => {
    const term = createTerm(db, admin, TERM);
    const halves = generateTermPeriods(db, admin, term.id, ['half', 'year']);
    const half = halves.filter((p) => p.kind === 'half');
    // 2021 H2 … 2026 H2: the term overlaps ten half-years.
    expect(half.map((p) => p.startDate)).toEqual([
      '2021-07-01',
      '2022-01-01',
      '2022-07-01',
      '2023-01-01',
      '2023-07-01',
      '2024-01-01',
      '2024-07-01',
      '2025-01-01',
      '2025-07-01',
      '2026-01-01',
      '2026-07-01',
    ]);
    expect(half[0]?.deadline).toBe('2022-01-10');
    expect(halves.filter((p) => p.kind === 'year')).toHaveLength(6);
    // Again: nothing new.
    const before = counts();
    generateTermPeriods(db, admin, term.id, ['half']);
    expect(counts()?.periods).toBe(before?.periods);

    const first = half[0] as (typeof half)[number];
    const moved = updatePeriodDeadline(db, admin, first.id, {
      deadline: '2022-01-20',
      expectedVersion: first.version,
    });
    expect(moved.deadline).toBe('2022-01-20');
    refused(
      () =>
        updatePeriodDeadline(db, admin, first.id, { deadline: '2021-12-01', expectedVersion: moved.version }),
      'invalid',
      /sau ngày kết thúc/,
    );
  });

  test('dates out of order, duplicate codes and wrong roles are refused, leaving nothing behind', () => {
    const term = createTerm(db, admin, TERM);
    const before = counts();
    refused(
      () => createTerm(db, admin, { ...TERM, code: 'B', midTermDate: '2027-01-01' }),
      'invalid',
      /thứ tự/,
    );
    refused(() => createTerm(db, admin, TERM), 'conflict');
    refused(() => createTerm(db, manager, { ...TERM, code: 'C' }), 'forbidden');
    refused(
      () => updateTerm(db, admin, term.id, { ...TERM, name: 'Khác', expectedVersion: 'stale' }),
      'conflict',
    );
    expect(counts()).toEqual(before);
    const renamed = updateTerm(db, admin, term.id, {
      ...TERM,
      shortName: 'NK XV',
      expectedVersion: term.version,
    });
    expect(renamed.shortName).toBe('NK XV');
    expect(renamed.ownerUnitId).toBe(root);
  });
});

describe('targets', () => {
  test('values typed the Vietnamese way are stored as scaled integers', () => {
    const term = createTerm(db, admin, TERM);
    const money = createIndicator(
      db,
      admin,
      indicator({ code: 'GT', name: 'Giá trị', measurementUnit: 'đồng', measureType: 'amount' }),
    );
    const share = createIndicator(
      db,
      admin,
      indicator({ code: 'TL', name: 'Tỷ lệ', measurementUnit: '%', measureType: 'ratio', decimals: 1 }),
    );
    const count = createIndicator(db, admin, indicator());
    const a = createTarget(
      db,
      admin,
      term.id,
      target(money.id, {
        code: 'A',
        goal: '11,54 tỷ',
        baseline: '850 triệu',
        midTermMilestone: '5 tỷ',
        relatedIndicatorIds: [count.id],
        yearlyPlan: [
          { year: 2022, amount: '2 tỷ' },
          { year: 2023, amount: '' },
        ],
      }),
    ).target;
    expect(a.goal).toBe(11_540_000_000);
    expect(a.baseline).toBe(850_000_000);
    expect(a.midTermMilestone).toBe(5_000_000_000);
    expect(a.yearlyPlan).toEqual([{ year: 2022, amount: 2_000_000_000 }]);
    expect(a.relatedIndicatorIds).toEqual([count.id]);
    const b = createTarget(
      db,
      admin,
      term.id,
      target(share.id, { code: 'B', goal: '87,5%', direction: 'at_most' }),
    ).target;
    expect(b.goal).toBe(875);
    const c = createTarget(
      db,
      admin,
      term.id,
      target(count.id, { code: 'C', goal: '3.000', counted: false }),
    ).target;
    expect(c.goal).toBe(3000);
    // The leaders' views read the same definitions.
    expect(termTargets(db, term.id).map((t) => [t.code, t.goal])).toEqual([
      ['A', 11_540_000_000],
      ['B', 875],
      ['C', 3000],
    ]);
  });

  test('bad numbers, missing goals and wrong roles are refused with the database unchanged', () => {
    const { ind, term, target: t } = setUp();
    const before = counts();
    refused(
      () => createTarget(db, admin, term.id, target(ind.id, { code: 'X', goal: 'nhiều' })),
      'invalid',
      /Chỉ tiêu cả nhiệm kỳ/,
    );
    refused(
      () => createTarget(db, admin, term.id, target(ind.id, { code: 'X', goal: '1,5' })),
      'invalid',
      /số nguyên/,
    );
    refused(
      () => createTarget(db, admin, term.id, target(ind.id, { code: 'X', goal: '' })),
      'invalid',
      /phải có mức/,
    );
    refused(
      () =>
        createTarget(
          db,
          admin,
          term.id,
          target(ind.id, { code: 'X', yearlyPlan: [{ year: 2030, amount: '1' }] }),
        ),
      'invalid',
      /ngoài nhiệm kỳ/,
    );
    refused(() => createTarget(db, admin, term.id, target(ind.id)), 'conflict', /CT1/);
    refused(() => createTarget(db, manager, term.id, target(ind.id, { code: 'X' })), 'forbidden');
    refused(() => createTarget(db, entry, term.id, target(ind.id, { code: 'X' })), 'forbidden');
    refused(
      () => updateTarget(db, admin, t.id, { ...target(ind.id, { goal: '1' }), expectedVersion: 'old' }),
      'conflict',
    );
    expect(counts()).toEqual(before);
  });
});

describe('allocations', () => {
  test('a live check names the difference and never adjusts what was typed', () => {
    const { ind, term, target: t } = setUp();
    const editor = allocationEditor(db, admin, t.id);
    expect(editor.parent.id).toBe(root);
    expect(editor.children.map((c) => c.unitId)).toEqual(children);
    const [a, b, c] = children as [number, number, number];
    const over = saveAllocations(db, admin, t.id, {
      expectedVersion: editor.version,
      allocations: [
        { unitId: a, goal: '40' },
        { unitId: b, goal: '40' },
        { unitId: c, goal: '32' },
      ],
    });
    expect(over.warnings).toEqual(['Tổng phân bổ vượt chỉ tiêu 12 hộ.']);
    expect(over.editor.children.map((x) => x.goal)).toEqual([40, 40, 32]);

    const under = saveAllocations(db, admin, t.id, {
      expectedVersion: over.editor.version,
      allocations: [{ unitId: c, goal: '15' }],
    });
    expect(under.warnings).toEqual(['Tổng phân bổ còn thiếu 5 hộ so với chỉ tiêu.']);

    // Lowering the goal below what is allocated: saved, with the difference named.
    const setup = termSetup(db, admin, term.id);
    const current = setup.targets[0];
    const lowered = updateTarget(db, admin, t.id, {
      ...target(ind.id, { goal: '90' }),
      expectedVersion: current?.version as string,
    });
    expect(lowered.target.goal).toBe(90);
    expect(lowered.warnings).toEqual(['Tổng phân bổ vượt chỉ tiêu 5 hộ.']);
    expect(lowered.target.allocation).toMatchObject({ total: 95, difference: 5, state: 'over', count: 3 });
    const audits = db.all<{ entity: string }>(
      sql`SELECT entity FROM audit_events WHERE entity IN ('allocation','target') ORDER BY id`,
    );
    expect(audits.map((e) => e.entity)).toEqual(['target', 'allocation', 'allocation', 'target']);
  });

  test('a manager allocates inside their subtree only; stale versions and strangers are refused', () => {
    const { term, target: t } = setUp();
    const [district] = children as [number];
    const top = allocationEditor(db, admin, t.id);
    saveAllocations(db, admin, t.id, {
      expectedVersion: top.version,
      allocations: [{ unitId: district, goal: '30' }],
    });
    const inDistrict = allocationEditor(db, manager, t.id, district);
    expect(inDistrict.parentGoal).toBe(30);
    expect(inDistrict.children).toHaveLength(1);
    const commune = inDistrict.children[0]?.unitId as number;
    const saved = saveAllocations(db, manager, t.id, {
      parentUnitId: district,
      expectedVersion: inDistrict.version,
      allocations: [{ unitId: commune, goal: '30' }],
    });
    expect(saved.warnings).toEqual([]);

    const before = counts();
    refused(() => allocationEditor(db, manager, t.id), 'forbidden');
    refused(
      () => saveAllocations(db, manager, t.id, { expectedVersion: top.version, allocations: [] }),
      'forbidden',
    );
    refused(
      () =>
        saveAllocations(db, manager, t.id, {
          parentUnitId: district,
          expectedVersion: inDistrict.version,
          allocations: [],
        }),
      'conflict',
    );
    const fresh = allocationEditor(db, admin, t.id).version;
    refused(
      () =>
        saveAllocations(db, admin, t.id, {
          expectedVersion: fresh,
          allocations: [{ unitId: commune, goal: '1' }],
        }),
      'invalid',
      /không trực thuộc/,
    );
    refused(
      () =>
        saveAllocations(db, admin, t.id, {
          expectedVersion: fresh,
          allocations: [{ unitId: district, goal: '-3' }],
        }),
      'invalid',
    );
    expect(counts()).toEqual(before);
    expect(termSetup(db, admin, term.id).targets[0]?.allocation.state).toBe('under');
  });
});

describe('copy a term', () => {
  test('the next term gets the targets as a draft: same indicators, new dates and periods, no results', () => {
    const { ind, term, target: t } = setUp();
    const top = allocationEditor(db, admin, t.id);
    saveAllocations(db, admin, t.id, {
      expectedVersion: top.version,
      allocations: [{ unitId: children[0] as number, goal: '100' }],
    });
    const next = copyTerm(db, admin, term.id, {
      code: 'I',
      name: 'Đại hội đại biểu Phụ nữ tỉnh lần thứ I, nhiệm kỳ 2025–2030',
      shortName: 'Nhiệm kỳ 2025–2030',
      startDate: '2025-10-01',
      midTermDate: '2028-03-31',
      endDate: '2030-09-30',
    });
    expect(next.term.id).not.toBe(term.id);
    expect(next.term.ownerUnitId).toBe(root);
    expect(next.targets.map((x) => [x.code, x.primaryIndicatorId, x.goal])).toEqual([['CT1', ind.id, 100]]);
    expect(next.targets[0]?.allocation.count).toBe(0);
    expect(next.periods.filter((p) => p.kind === 'half').map((p) => p.startDate)[0]).toBe('2025-07-01');
    expect(next.periods.at(-1)?.endDate).toBe('2030-12-31');
    refused(() => copyTerm(db, manager, term.id, { ...TERM, code: 'Z' }), 'forbidden');
  });
});
