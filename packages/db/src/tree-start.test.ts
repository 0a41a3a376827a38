/**
 * The tree's start (#11 item 9): a first run dated this year would refuse the term's early periods
 * and the 2024 merge map. It moves with the term while nothing depends on it, and stays put after.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTerm, generateTermPeriods } from './admin/terms.ts';
import { applyTreeImport } from './admin/unit-import.ts';
import { setTreeStart } from './admin/units.ts';
import { hashPasswordSync } from './passwords.ts';
import { applyReorganisation } from './reorganise.ts';
import { recordResult } from './results.ts';
import { readUnitsCsv } from './seed/demo.ts';
import { setupOrganisation } from './setup.ts';
import { freshDatabase, makeIndicator } from './testing.ts';
import { treeStart } from './units.ts';

const TODAY = '2026-01-15';

function organisationFrom(validFrom: string) {
  const db = freshDatabase();
  const { root, user } = setupOrganisation(db, {
    organisation: 'Hội LHPN tỉnh Bình Thuận',
    root: { code: '60', name: 'Tỉnh Bình Thuận', type: 'Tỉnh', validFrom },
    admin: { username: 'quantri', displayName: 'Quản trị', passwordHash: hashPasswordSync('mat-khau-dai-1') },
  });
  const admin = { id: user.id, roles: [{ role: 'admin' as const, unitId: root.id }] };
  const rows = readUnitsCsv().map((u, i) => ({ row: i + 2, ...u, grassroots: null }));
  applyTreeImport(db, admin, TODAY, rows);
  return { db, admin };
}

const term = {
  code: 'XV',
  name: 'Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026',
  shortName: 'Nhiệm kỳ XV',
  startDate: '2021-01-01',
  midTermDate: '2023-06-30',
  endDate: '2026-06-30',
};

describe('the tree’s start', () => {
  it('moves to the term’s start when a first run dated it this year, and then takes the 2024 map', () => {
    const { db, admin } = organisationFrom('2026-01-01');
    expect(treeStart(db)).toEqual({ date: '2026-01-01', movable: true });
    createTerm(db, admin, term);
    expect(treeStart(db)).toEqual({ date: '2021-01-01', movable: true });
    const late = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM units WHERE valid_from <> '2021-01-01'`);
    expect(late?.n).toBe(0);
    const result = applyReorganisation(db, 'system', {
      map: readFileSync(join(import.meta.dirname, 'seed/data/merges-2024.csv')),
      effectiveDate: '2024-12-01',
    });
    expect(result.applied).toBe(true);
    // Something depends on it now: it stays, and says so.
    expect(treeStart(db)).toEqual({ date: '2021-01-01', movable: false });
    expect(() => setTreeStart(db, admin, '2020-01-01')).toThrow(/sắp xếp lại/);
  });

  it('an admin may set it by hand, but not after figures that lie before the new date', () => {
    const { db, admin } = organisationFrom('2025-01-01');
    expect(setTreeStart(db, admin, '2020-01-01')).toEqual({ date: '2020-01-01', movable: true });
    expect(() => setTreeStart(db, { id: 99, roles: [{ role: 'viewer', unitId: 1 }] }, '2021-01-01')).toThrow(
      /quyền/,
    );
    const { id: termId } = createTerm(db, admin, term);
    const [h1of2021] = generateTermPeriods(db, admin, termId, ['half']);
    const commune = db.get<{ id: number }>(sql`SELECT id FROM units WHERE code = '22924'`)?.id as number;
    const indicator = makeIndicator(db, { frequency: 'half' });
    recordResult(db, {
      unitId: commune,
      indicatorId: indicator.id,
      periodId: h1of2021?.id as number,
      value: 3,
    });
    expect(() => setTreeStart(db, admin, '2023-01-01')).toThrow(/30\/06\/2021/);
    expect(treeStart(db)?.date).toBe('2020-01-01');
  });
});
