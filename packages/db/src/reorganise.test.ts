import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, MEASURE_TYPES } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { unitTree } from './figures/unit-tree.ts';
import { applyReorganisation, previewReorganisation } from './reorganise.ts';
import { recordResult, setSubmissionState } from './results.ts';
import { rebuildRollups } from './rollup.ts';
import {
  cloneDatabase,
  demoDatabase,
  freshDatabase,
  makeIndicator,
  makePeriods,
  makeTree,
  rollupSnapshot,
} from './testing.ts';

const DATA = join(import.meta.dirname, 'seed/data');
const MAP_2024 = readFileSync(join(DATA, 'merges-2024.csv'));
const MAP_2025 = readFileSync(join(DATA, 'merges-2025.csv'));
const LAM_DONG = { '68': 'Tỉnh Lâm Đồng' };

type Sums = Record<string, number>;
const SUM_COLUMNS = 'value, numerator, denominator, meeting, reported, result_count AS resultCount';

/** Roll-up rows of one unit in one version, keyed indicator|period|basis. */
function totals(db: Db, versionId: number, unitId: number): Map<string, Sums> {
  const rows = db.all<Sums & { k: string }>(sql`
    SELECT indicator_id || '|' || period_id || '|' || basis AS k, ${sql.raw(SUM_COLUMNS)}
    FROM rollups WHERE structure_version_id = ${versionId} AND ancestor_id = ${unitId} AND result_count > 0`);
  return new Map(rows.map(({ k, ...s }) => [k, s]));
}

function addInto(into: Map<string, Sums>, from: Map<string, Sums>) {
  for (const [k, s] of from) {
    const t = into.get(k) ?? {
      value: 0,
      numerator: 0,
      denominator: 0,
      meeting: 0,
      reported: 0,
      resultCount: 0,
    };
    for (const c of Object.keys(s)) t[c] = (t[c] ?? 0) + (s[c] ?? 0);
    into.set(k, t);
  }
}

const rootOf = (db: Db, versionId: number) =>
  db.get<{ id: number }>(
    sql`SELECT unit_id AS id FROM placements WHERE structure_version_id = ${versionId} AND parent_id IS NULL`,
  )?.id as number;

/** The new version: root totals as reported, each new unit = its designated predecessors, rollups = a rebuild. */
function expectAttributedExactly(db: Db, previousVersion: number, newVersion: number) {
  expect(totals(db, newVersion, rootOf(db, newVersion))).toEqual(
    totals(db, previousVersion, rootOf(db, previousVersion)),
  );
  const date = db.get<{ d: string }>(
    sql`SELECT valid_from AS d FROM structure_versions WHERE id = ${newVersion}`,
  )?.d;
  // A predecessor with units open until this date is a level that ended: its heir also gets its
  // own results, so heirs are checked through the root total instead.
  const links = db.all<{ pred: number; succ: number; ended: number }>(sql`
    SELECT s.predecessor_id AS pred, s.successor_id AS succ,
           EXISTS (SELECT 1 FROM placements c JOIN units cu ON cu.id = c.unit_id
                   WHERE c.structure_version_id = ${previousVersion} AND c.parent_id = s.predecessor_id
                     AND cu.valid_to = ${date}) AS ended
    FROM unit_successions s JOIN units n ON n.id = s.successor_id
    WHERE s.designated = 1 AND s.effective_date = ${date} AND n.valid_from = ${date}`);
  const expected = new Map<number, Map<string, Sums>>();
  const heirs = new Set(links.filter((l) => l.ended).map((l) => l.succ));
  for (const { pred, succ } of links) {
    const into = expected.get(succ) ?? new Map();
    addInto(into, totals(db, previousVersion, pred));
    expected.set(succ, into);
  }
  expect(expected.size).toBeGreaterThan(0);
  for (const [succ, sums] of expected) {
    if (!heirs.has(succ)) expect(totals(db, newVersion, succ)).toEqual(sums);
  }
  const kept = rollupSnapshot(db);
  rebuildRollups(db);
  expect(rollupSnapshot(db)).toEqual(kept);
}

const counts = (db: Db) =>
  [
    'units',
    'placements',
    'structure_versions',
    'unit_successions',
    'rollups',
    'role_assignments',
    'target_allocations',
    'audit_events',
  ].map((t) => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ${sql.raw(t)}`)?.n);

const openCommunes = (db: Db, versionId: number) =>
  db.get<{ n: number }>(sql`
    SELECT COUNT(*) AS n FROM placements p JOIN units u ON u.id = p.unit_id
    WHERE p.structure_version_id = ${versionId} AND u.valid_to IS NULL AND u.is_grassroots = 1`)?.n;

const unitByCode = (db: Db, code: string, open = true) =>
  db.get<{ id: number; name: string; type: string }>(
    sql`SELECT id, name, type FROM units WHERE code = ${code} AND (valid_to IS NULL) = ${open ? 1 : 0} ORDER BY id DESC`,
  ) as { id: number; name: string; type: string };

describe('reorganisation of the Bình Thuận demo', () => {
  let demo: Db;
  let firstVersion: number;
  beforeAll(() => {
    const d = demoDatabase();
    demo = d.db;
    firstVersion = d.structureVersionId;
    // Allocations on merged communes, to see them re-based.
    const target = demo.get<{ id: number }>(sql`SELECT id FROM targets ORDER BY sort_order LIMIT 1`)?.id;
    for (const [code, goal] of [
      ['22942', 7],
      ['22948', 5],
      ['22945', 11],
    ] as const) {
      demo.run(
        sql`INSERT INTO target_allocations (target_id, unit_id, goal) VALUES (${target}, ${unitByCode(demo, code).id}, ${goal})`,
      );
    }
  });

  it('2024-12-01: 124 → 121 communes, then 2025-07-01: 45 units under the new Tỉnh Lâm Đồng, totals exact', () => {
    const db = cloneDatabase(demo);
    expect(openCommunes(db, firstVersion)).toBe(124);
    const preview = previewReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    expect(preview.closes.map((c) => c.code).sort()).toEqual(['22939', '22942', '22945', '22948', '22951']);
    expect(preview.allocations).toEqual([
      expect.objectContaining({
        toCode: '22945',
        goal: 23,
        from: expect.arrayContaining([expect.objectContaining({ code: '22942', goal: 7 })]),
      }),
    ]);
    const before = counts(db);
    const previewAgain = previewReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    expect(previewAgain).toEqual(preview);
    expect(counts(db)).toEqual(before);

    const r2024 = applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    expect(r2024.applied).toBe(true);
    const v2 = r2024.structureVersionId;
    expect(openCommunes(db, v2)).toBe(121);
    expect(unitByCode(db, '22951').name).toBe('Phường Bình Hưng');
    expect(db.get(sql`SELECT valid_to AS v FROM structure_versions WHERE id = ${firstVersion}`)).toEqual({
      v: '2024-12-01',
    });
    expectAttributedExactly(db, firstVersion, v2);
    // Re-based allocation: 7 + 5 + 11 on the new Lạc Đạo; the old rows stay for the old structure.
    expect(
      db.get(sql`SELECT goal FROM target_allocations WHERE unit_id = ${unitByCode(db, '22945').id}`),
    ).toEqual({ goal: 23 });

    const preview2025 = previewReorganisation(db, 'system', { map: MAP_2025, effectiveDate: '2025-07-01' });
    expect(preview2025.createdParents).toEqual([{ code: '68', name: null, type: '' }]);
    expect(preview2025.partials.map((p) => [p.oldCode, p.designated, p.defaulted])).toEqual([
      ['22978', '22972', true],
      ['23053', '23041', true],
    ]);
    expect(applyFails(db, { map: MAP_2025, effectiveDate: '2025-07-01' })).toMatch(
      /Cần tên cho đơn vị cấp trên mới mã 68.*Cần chọn loại cho đơn vị cấp trên mới mã 68/,
    );
    const r2025Input = { map: MAP_2025, effectiveDate: '2025-07-01', parentNames: LAM_DONG };
    const r2025 = applyReorganisation(db, 'system', { ...r2025Input, designations: { '23053': '23053' } });
    const v3 = r2025.structureVersionId;
    const lamDong = unitByCode(db, '68');
    expect(lamDong).toMatchObject({ name: 'Tỉnh Lâm Đồng', type: 'Tỉnh' });
    expect(rootOf(db, v3)).toBe(lamDong.id);
    const under = db.all<{ code: string }>(sql`
      SELECT u.code FROM placements p JOIN units u ON u.id = p.unit_id
      WHERE p.structure_version_id = ${v3} AND p.parent_id = ${lamDong.id} AND u.valid_to IS NULL`);
    expect(under).toHaveLength(48);
    expect(openCommunes(db, v3)).toBe(45);
    // In the new tree, exactly the units closed by then are marked former (kept below a successor).
    const closedBy = (date: string) =>
      new Set(
        db
          .all<{ id: number }>(sql`SELECT id FROM units WHERE valid_to IS NOT NULL AND valid_to <= ${date}`)
          .map((u) => u.id),
      );
    const closed2025 = closedBy('2025-07-01');
    const tree3 = unitTree(db, v3);
    expect(tree3.filter((u) => u.former).length).toBeGreaterThan(100);
    for (const unit of tree3) expect(unit.former, unit.name).toBe(closed2025.has(unit.id));
    expect(unitTree(db, firstVersion).some((u) => u.former)).toBe(false);
    // The district level and the old province ended; nothing but Lâm Đồng's 45 units is open.
    // The district level ended; the new province replaced the old one, and the 3 directly attached
    // unions moved under it. Open now: Lâm Đồng, its 45 communes and the 3 unions.
    expect(db.get(sql`SELECT COUNT(*) AS n FROM units WHERE valid_to IS NULL`)).toEqual({ n: 49 });
    expect(r2025.plan.closes.filter((c) => c.reason === 'level_ended')).toHaveLength(10);
    expect(r2025.plan.closes.filter((c) => c.reason === 'replaced').map((c) => c.code)).toEqual(['60']);
    expectAttributedExactly(db, v2, v3);
    // And the newest structure still adds up to what was reported in 2021's structure.
    expect(totals(db, v3, lamDong.id)).toEqual(totals(db, firstVersion, rootOf(db, firstVersion)));
    expect(totals(db, v3, lamDong.id).size).toBeGreaterThan(0);
    // Hòa Thắng's results go to the designated successor, not the first listed.
    const hoaThang = db.get<{ s: number }>(sql`
      SELECT s.successor_id AS s FROM unit_successions s JOIN units o ON o.id = s.predecessor_id
      WHERE o.code = '23053' AND s.designated = 1`)?.s;
    expect(hoaThang).toBe(unitByCode(db, '23053').id);

    // Roles: entry staff follow their commune; the provincial admin moves to the new province;
    // a district approver is not widened to the province but listed for an admin.
    const roleUnit = (username: string) =>
      db.get<{ code: string }>(sql`SELECT u.code FROM role_assignments r JOIN users x ON x.id = r.user_id
        JOIN units u ON u.id = r.unit_id WHERE x.username = ${username}`)?.code;
    expect(roleUnit('admin')).toBe('68');
    expect(roleUnit('nhap.phuthuy')).toBe('22924');
    expect(roleUnit('nhap.phuhai')).toBe('22924');
    expect(roleUnit('duyet.phanthiet')).toBe('593');
    expect(r2025.plan.roles.find((r) => r.username === 'duyet.phanthiet')).toMatchObject({ toCode: null });

    // The same map again: a successful no-op; a different map naming closed units: refused.
    const again = counts(db);
    const noop = applyReorganisation(db, 'system', {
      map: MAP_2025,
      effectiveDate: '2025-07-01',
      parentNames: LAM_DONG,
    });
    expect(noop).toMatchObject({ applied: false, structureVersionId: v3 });
    expect(applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' }).applied).toBe(
      false,
    );
    expect(counts(db)).toEqual(again);
    const changed = applyFails(db, { map: MAP_2024, effectiveDate: '2026-01-01' });
    expect(changed).toMatch(/đã giải thể từ ngày 01\/12\/2024|đã giải thể/);
    expect(counts(db)).toEqual(again);

    // A wrong designation is corrected by the same map with another one: Phong Phú's results
    // move from Phan Rí Cửa (the default) to Tuy Phong, in the placement, the flags and the sums.
    const phongPhu = unitByCode(db, '22978', false).id;
    const parentOfPhongPhu = () =>
      db.get<{ p: number }>(sql`SELECT parent_id AS p FROM placements
        WHERE structure_version_id = ${v3} AND unit_id = ${phongPhu}`)?.p;
    expect(parentOfPhongPhu()).toBe(unitByCode(db, '22972').id);
    expect(applyFails(db, { ...r2025Input, designations: { '22978': '23041' } })).toMatch(
      /không chia cho đơn vị mã 23041/,
    );
    expect(counts(db)).toEqual(again);
    const fixed = applyReorganisation(db, 'system', { ...r2025Input, designations: { '22978': '22978' } });
    expect(fixed).toMatchObject({ applied: false, structureVersionId: v3, corrected: ['22978'] });
    expect(fixed.plan.partials.find((p) => p.oldCode === '22978')?.designated).toBe('22978');
    expect(parentOfPhongPhu()).toBe(unitByCode(db, '22978').id);
    expectAttributedExactly(db, v2, v3);
    const kept = rollupSnapshot(db);
    rebuildRollups(db);
    expect(rollupSnapshot(db)).toEqual(kept);
    // Saying the same again changes nothing.
    expect(
      applyReorganisation(db, 'system', { ...r2025Input, designations: { '22978': '22978' } }).corrected,
    ).toEqual([]);
  });

  it('refuses bad maps with reasons, leaving the database unchanged', () => {
    const db = cloneDatabase(demo);
    const before = counts(db);
    const text = MAP_2024.toString('utf8');
    const header = 'new_code,new_name,new_parent_code,old_code,old_name,merge_type\n';
    const cases: [string, Uint8Array | string, string, RegExp][] = [
      [
        'unknown code',
        `${header}22945,Phường Lạc Đạo,593,99999,Không có,full\n`,
        '2024-12-01',
        /không có đơn vị đang hoạt động mang mã 99999/,
      ],
      [
        'two full successors',
        `${header}22945,Phường Lạc Đạo,593,22942,Phường Đức Nghĩa,full\n22951,Phường Bình Hưng,593,22942,Phường Đức Nghĩa,full\n`,
        '2024-12-01',
        /2 đơn vị kế thừa “full”/,
      ],
      ['bad date', text, '2024-13-01', /Ngày hiệu lực/],
      ['date before the current structure', text, '2020-01-01', /phải sau ngày bắt đầu/],
      ['empty file', '', '2024-12-01', /Tệp rỗng/],
      ['header only', header, '2024-12-01', /không có dòng nào/],
      ['wrong columns', 'code,name,type,parent_code\n60,Tỉnh,Tỉnh,\n', '2024-12-01', /Dòng tiêu đề/],
      [
        'bad merge type',
        `${header}22945,Phường Lạc Đạo,593,22942,Phường Đức Nghĩa,whole\n`,
        '2024-12-01',
        /merge_type/,
      ],
      ['UTF-16 from Excel', utf16(text), '2024-12-01', /UTF-16/],
      [
        'Windows-1258',
        new Uint8Array([...Buffer.from(header), 0x32, 0x2c, 0xd0, 0xe3, 0x2c, 0x0a]),
        '2024-12-01',
        /không phải UTF-8/,
      ],
      [
        'new code held by a unit that stays',
        `${header}22915,Phường Mới,593,22942,Phường Đức Nghĩa,full\n`,
        '2024-12-01',
        /đang thuộc đơn vị/,
      ],
      ['designation not among successors', text, '2024-12-01', /Chỉ định/],
    ];
    for (const [name, map, effectiveDate, reason] of cases) {
      const designations = name.startsWith('designation') ? { '22942': '22951' } : undefined;
      expect(applyFails(db, { map, effectiveDate, designations }), name).toMatch(reason);
      expect(counts(db), name).toEqual(before);
    }
  });

  it('reads a map with a BOM and CRLF line ends as the same map', () => {
    const db = cloneDatabase(demo);
    const crlf = `\uFEFF${MAP_2024.toString('utf8').replace(/\n/g, '\r\n')}`;
    const a = applyReorganisation(db, 'system', { map: Buffer.from(crlf), effectiveDate: '2024-12-01' });
    expect(a.applied).toBe(true);
    expect(applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' }).applied).toBe(
      false,
    );
  });

  it('takes the same rows in another order as the same map', () => {
    const db = cloneDatabase(demo);
    applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    const [header, ...lines] = MAP_2024.toString('utf8').trim().split('\n');
    const reordered = `${[header, ...lines.reverse()].join('\n')}\n`;
    const before = counts(db);
    const again = applyReorganisation(db, 'system', { map: reordered, effectiveDate: '2024-12-01' });
    expect(again.applied).toBe(false);
    expect(counts(db)).toEqual(before);
  });

  it('asks for the new parent’s type when its name does not state one, and warns when the old root would stay', () => {
    const db = cloneDatabase(demo);
    applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    const before = counts(db);
    const named = {
      map: MAP_2025,
      effectiveDate: '2025-07-01',
      parentNames: { '68': 'Hội LHPN tỉnh Lâm Đồng' },
    };
    expect(previewReorganisation(db, 'system', named).createdParents).toEqual([
      { code: '68', name: 'Hội LHPN tỉnh Lâm Đồng', type: '' },
    ]);
    expect(applyFails(db, named)).toContain('Cần chọn loại cho đơn vị cấp trên mới mã 68');
    expect(counts(db)).toEqual(before);
    // Of another type than the root, it would sit under it: said before anything is applied.
    const asUnit = previewReorganisation(db, 'system', {
      ...named,
      parentTypes: { '68': 'Đơn vị trực thuộc' },
    });
    expect(asUnit.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('Tỉnh Bình Thuận vẫn là đơn vị gốc'),
    );
    // Chosen as a province, it replaces the old one.
    const applied = applyReorganisation(db, 'system', { ...named, parentTypes: { '68': 'Tỉnh' } });
    expect(rootOf(db, applied.structureVersionId)).toBe(unitByCode(db, '68').id);
  });

  it('refuses a non-admin in the domain layer', () => {
    const db = cloneDatabase(demo);
    const viewer = db.get<{ id: number; unitId: number }>(sql`
      SELECT u.id, r.unit_id AS unitId FROM users u JOIN role_assignments r ON r.user_id = u.id WHERE u.username = 'lanhdao'`);
    const actor = {
      id: viewer?.id as number,
      roles: [{ role: 'viewer' as const, unitId: viewer?.unitId as number }],
    };
    const before = counts(db);
    expect(() => applyReorganisation(db, actor, { map: MAP_2024, effectiveDate: '2024-12-01' })).toThrow(
      /quyền quản trị/,
    );
    expect(counts(db)).toEqual(before);
  });
});

function applyFails(db: Db, input: Parameters<typeof applyReorganisation>[2]): string {
  try {
    applyReorganisation(db, 'system', input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return [
      e.message,
      ...((e.details as { problems?: { message: string }[] })?.problems ?? []).map((p) => p.message),
    ].join(' | ');
  }
  throw new Error(`expected a refusal: ${JSON.stringify(input).slice(0, 200)}`);
}

function utf16(text: string): Uint8Array {
  return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

// ---------------------------------------------------------------- property test

const treeArb = fc
  .integer({ min: 3, max: 16 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }),
      ),
    ),
  );

/** A merge round: groups of open leaves → new units, some partial, under the old parent or one new parent. */
const roundArb = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  groups: fc.integer({ min: 1, max: 3 }),
  partial: fc.boolean(),
  newParent: fc.boolean(),
  designateSecond: fc.boolean(),
});

describe('reorganisation on generated trees', () => {
  it('keeps every total: new root = as reported, successors = their predecessors, roll-ups = rebuild', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.integer({ min: 0, max: 1000 }),
            fc.constantFrom('approved', 'submitted', 'draft' as const),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.array(roundArb, { minLength: 1, maxLength: 2 }),
        (parents, results, rounds) => {
          const db = freshDatabase();
          const { ids, versionId } = makeTree(db, parents, { grassroots: (i) => i > 0 });
          const indicators = (['cumulative', 'ratio', 'units_meeting'] as const).map((measureType) =>
            makeIndicator(db, { measureType }),
          );
          expect(MEASURE_TYPES).toContain('ratio');
          const periods = makePeriods(db, 2);
          for (const [u, p, v, state] of results) {
            const unitId = ids[u % ids.length] as number;
            const periodId = (periods[p % 2] as { id: number }).id;
            for (const ind of indicators) {
              // Only grassroots units answer a units-meeting indicator (the root is not one).
              if (ind.measureType === 'units_meeting' && unitId === ids[0]) continue;
              recordResult(db, {
                unitId,
                indicatorId: ind.id,
                periodId,
                value: v,
                numerator: v % 7,
                denominator: v,
                meets: v % 2 === 0,
              });
            }
            setSubmissionState(db, { unitId, periodId, state });
          }
          let previous = versionId;
          const dates = ['2024-12-01', '2025-07-01'];
          rounds.forEach((round, r) => {
            const leaves = db.all<{ id: number; code: string; parentCode: string }>(sql`
              SELECT u.id, u.code, pu.code AS parentCode FROM placements p JOIN units u ON u.id = p.unit_id
              JOIN units pu ON pu.id = p.parent_id
              WHERE p.structure_version_id = ${previous} AND u.valid_to IS NULL
                AND NOT EXISTS (SELECT 1 FROM placements c JOIN units cu ON cu.id = c.unit_id
                  WHERE c.structure_version_id = p.structure_version_id AND c.parent_id = p.unit_id AND cu.valid_to IS NULL)`);
            if (leaves.length === 0) return;
            const chosen = [...new Set(round.picks.map((i) => leaves[i % leaves.length]))] as typeof leaves;
            const lines = ['new_code,new_name,new_parent_code,old_code,old_name,merge_type'];
            const groups = Math.min(round.groups, chosen.length);
            const newCode = (g: number) => `N${r}-${g}`;
            const parentOf = (g: number) =>
              round.newParent ? `P${r}` : (chosen[g] as { parentCode: string }).parentCode;
            chosen.forEach((old, i) => {
              const g = i % groups;
              const split = round.partial && i === 0 && groups > 1;
              lines.push(
                `${newCode(g)},Xã Mới ${g},${parentOf(g)},${old.code},x,${split ? 'partial' : 'full'}`,
              );
              if (split) lines.push(`${newCode(1)},Xã Mới 1,${parentOf(1)},${old.code},x,partial`);
            });
            const designations =
              round.partial && groups > 1 && round.designateSecond
                ? { [chosen[0]?.code as string]: newCode(1) }
                : undefined;
            const result = applyReorganisation(db, 'system', {
              map: `${lines.join('\n')}\n`,
              effectiveDate: dates[r] as string,
              designations,
              parentNames: { [`P${r}`]: 'Tỉnh Mới' },
            });
            expectAttributedExactly(db, previous, result.structureVersionId);
            expect(totals(db, result.structureVersionId, rootOf(db, result.structureVersionId))).toEqual(
              totals(db, versionId, rootOf(db, versionId)),
            );
            previous = result.structureVersionId;
          });
          db.$client.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
