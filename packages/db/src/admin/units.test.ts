/**
 * The unit tree at the domain level, on real databases built by the migrations: the 2021 tree
 * imported into a fresh organisation, refusals that leave every table as it was, and a move that
 * rewrites the subtree's paths and keeps the roll-up table equal to a rebuild.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { hashPasswordSync } from '../passwords.ts';
import { applyReorganisation } from '../reorganise.ts';
import { rebuildRollups } from '../rollup.ts';
import * as s from '../schema.ts';
import { readUnitsCsv } from '../seed/demo.ts';
import { setupOrganisation } from '../setup.ts';
import { inTransaction } from '../statements.ts';
import { demoDatabase, freshDatabase, rollupSnapshot } from '../testing.ts';
import { moveUnit } from './unit-edits.ts';
import { applyTreeImport, previewTreeImport, type TreeImportRow } from './unit-import.ts';
import { unitVersion } from './units.ts';

const TODAY = '2025-01-20';
const rows = (): TreeImportRow[] => readUnitsCsv().map((u, i) => ({ row: i + 2, ...u, grassroots: null }));

function organisation() {
  const db = freshDatabase();
  const { root, user } = setupOrganisation(db, {
    organisation: 'Hội LHPN tỉnh Bình Thuận',
    root: { code: '60', name: 'Tỉnh Bình Thuận', type: 'Tỉnh', validFrom: '2021-01-01' },
    admin: { username: 'quantri', displayName: 'Quản trị', passwordHash: hashPasswordSync('mat-khau-dai-1') },
  });
  return { db, actor: { id: user.id, roles: [{ role: 'admin' as const, unitId: root.id }] } };
}

/** Every table an import or a move writes, as plain rows. */
const snapshot = (db: Db) =>
  ['units', 'placements', 'audit_events', 'rollups', 'app_meta'].map((t) =>
    db.all(sql.raw(`SELECT * FROM ${t} ORDER BY 1, 2`)),
  );

describe('importing a tree', () => {
  it('the 2021 file gives 124 grassroots communes under 10 districts, with consistent paths', () => {
    const { db, actor } = organisation();
    expect(applyTreeImport(db, actor, TODAY, rows()).created).toBe(134);
    const placed = db
      .select()
      .from(s.placements)
      .innerJoin(s.units, sql`${s.units.id} = ${s.placements.unitId}`)
      .all();
    const byId = new Map(placed.map((p) => [p.units.id, p]));
    for (const p of placed) {
      const parent = p.placements.parentId === null ? undefined : byId.get(p.placements.parentId);
      expect(p.placements.path).toBe(`${parent?.placements.path ?? '/'}${p.units.id}/`);
      expect(p.placements.depth).toBe((parent?.placements.depth ?? -1) + 1);
    }
    const atDepth = (d: number) => placed.filter((p) => p.placements.depth === d);
    expect(atDepth(1)).toHaveLength(10);
    expect(atDepth(2)).toHaveLength(124);
    expect(atDepth(2).every((p) => p.units.isGrassroots)).toBe(true);
    expect(placed.filter((p) => p.units.isGrassroots)).toHaveLength(124);
  });

  it('a file listing children before parents is placed all the same', () => {
    const { db, actor } = organisation();
    const [root, ...rest] = rows();
    applyTreeImport(db, actor, TODAY, [root as TreeImportRow, ...rest.reverse()]);
    expect(db.select().from(s.units).all()).toHaveLength(135);
  });

  it('refuses a file with any problem and leaves every table as it was', () => {
    const { db, actor } = organisation();
    const bad = rows().map((r) => (r.code === '22924' ? { ...r, parentCode: '99999' } : r));
    const before = snapshot(db);
    expect(previewTreeImport(db, actor, TODAY, bad).problems).toEqual([
      { row: expect.any(Number), message: expect.stringContaining('99999') },
    ]);
    expect(() => applyTreeImport(db, actor, TODAY, bad)).toThrow('chưa ghi');
    expect(snapshot(db)).toEqual(before);
  });

  it('refuses names holding control characters or noncharacters, row by row, writing nothing', () => {
    const { db, actor } = organisation();
    const bad = rows().map((r) =>
      r.code === '22924'
        ? { ...r, name: 'Phường Phú\u0000 Thủy' }
        : r.code === '593'
          ? { ...r, type: 'Thành\uffffphố' }
          : r,
    );
    const before = snapshot(db);
    const problems = previewTreeImport(db, actor, TODAY, bad).problems.map((p) => p.message);
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(
      expect.stringMatching(/^Tên đơn vị 22924 chứa ký tự điều khiển U\+0000 ở vị trí 11\./),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^Loại đơn vị 593 chứa ký tự không dùng được U\+FFFF/),
    );
    expect(() => applyTreeImport(db, actor, TODAY, bad)).toThrow('chưa ghi');
    expect(snapshot(db)).toEqual(before);
    // The first run refuses an organisation or a root named so, too.
    expect(() =>
      setupOrganisation(freshDatabase(), {
        organisation: 'Hội LHPN\u0007 tỉnh',
        root: { code: '60', name: 'Tỉnh Bình Thuận', type: 'Tỉnh', validFrom: '2021-01-01' },
        admin: {
          username: 'quantri',
          displayName: 'Quản trị',
          passwordHash: hashPasswordSync('mat-khau-dai-1'),
        },
      }),
    ).toThrow('Tên tổ chức chứa ký tự điều khiển U+0007');
  });

  it('refuses an actor who administers nothing', () => {
    const { db } = organisation();
    expect(() =>
      previewTreeImport(db, { id: 1, roles: [{ role: 'viewer', unitId: 1 }] }, TODAY, rows()),
    ).toThrow('quyền quản trị');
  });
});

describe('moving a unit', () => {
  it('rewrites the subtree’s paths and keeps roll-ups equal to a rebuild', () => {
    const { db } = demoDatabase();
    const unit = (code: string) =>
      db
        .select()
        .from(s.units)
        .all()
        .find((u) => u.code === code) as typeof s.units.$inferSelect;
    const placement = (id: number) =>
      db
        .select()
        .from(s.placements)
        .all()
        .find((p) => p.unitId === id) as typeof s.placements.$inferSelect;
    const admin = { id: 1, roles: [{ role: 'admin' as const, unitId: unit('60').id }] };
    const ward = unit('22924');
    const target = unit('595'); // another district
    const before = rollupSnapshot(db);
    const version = unitVersion({
      ...ward,
      isGrassroots: ward.isGrassroots ? 1 : 0,
      parentId: placement(ward.id).parentId,
    });
    moveUnit(db, admin, TODAY, ward.id, { version, parentId: target.id });
    expect(placement(ward.id).parentId).toBe(target.id);
    expect(placement(ward.id).path).toBe(`${placement(target.id).path}${ward.id}/`);
    const after = rollupSnapshot(db);
    expect(after).not.toEqual(before);
    inTransaction(db, (tx) => rebuildRollups(tx));
    expect(rollupSnapshot(db)).toEqual(after);
    // Moving a district under one of its own wards is a cycle: refused, nothing changed.
    const district = unit('593');
    const districtVersion = unitVersion({
      ...district,
      isGrassroots: 0,
      parentId: placement(district.id).parentId,
    });
    const snap = snapshot(db);
    expect(() =>
      moveUnit(db, admin, TODAY, district.id, { version: districtVersion, parentId: unit('22921').id }),
    ).toThrow('vòng lặp');
    expect(snapshot(db)).toEqual(snap);
  });
});

describe('first run', () => {
  it('happens once', () => {
    const { db } = organisation();
    expect(() =>
      setupOrganisation(db, {
        organisation: 'Khác',
        root: { code: '68', name: 'Tỉnh Lâm Đồng', type: 'Tỉnh', validFrom: '2021-01-01' },
        admin: { username: 'khac', displayName: 'Khác', passwordHash: hashPasswordSync('mat-khau-dai-1') },
      }),
    ).toThrow('đã được thiết lập');
    expect(db.select().from(s.units).all()).toHaveLength(1);
  });
});

describe('importing a tree after a reorganisation', () => {
  it('matches the codes of ended units instead of creating them again', () => {
    const { db } = demoDatabase();
    applyReorganisation(db, 'system', {
      map: readFileSync(join(import.meta.dirname, '../seed/data/merges-2024.csv')),
      effectiveDate: '2024-12-01',
    });
    const root = db
      .select()
      .from(s.units)
      .all()
      .find((u) => u.code === '60') as typeof s.units.$inferSelect;
    const admin = { id: 1, roles: [{ role: 'admin' as const, unitId: root.id }] };
    const file = rows();
    const preview = previewTreeImport(db, admin, '2025-01-20', file);
    expect(preview.problems).toEqual([]);
    expect(preview.created).toBe(0);
    const ducNghia = preview.rows.find((r) => r.code === '22942');
    expect(ducNghia).toMatchObject({
      action: 'match',
      note: expect.stringContaining('đã kết thúc hoạt động'),
    });
    const units = db.select().from(s.units).all().length;
    expect(applyTreeImport(db, admin, '2025-01-20', file)).toEqual({ created: 0, byType: [] });
    expect(db.select().from(s.units).all()).toHaveLength(units);
  });
});
