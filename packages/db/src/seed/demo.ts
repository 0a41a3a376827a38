/**
 * The demo: Bình Thuận Women's Union, congress XV (2021–2026), as its mid-term review reported it
 * (Báo Bình Thuận, 10/07/2024): 7/8 targets, 124/124, 746, 584 and 11,54 tỷ đồng, 2.986 ("gần 3.000"),
 * 10, 13, 11 and 28. Units are the real 2021 GSO list. Target wordings and goals are modelled on the
 * movement's resolutions; every per-commune and per-period split is invented, adds up exactly to the
 * article's totals, and is stored with `illustrative = true` (the UI then says "Số liệu minh họa").
 */
import type { Role } from '@chitieu/core';
import { createUser } from '../auth.ts';
import type { Db, DbOrTx } from '../client.ts';
import { hashPasswordSync } from '../passwords.ts';
import { bumpRevision, setMeta } from '../revision.ts';
import { rebuildRollups } from '../rollup.ts';
import { found } from '../rows.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import { INDICATORS, OWN_ACTIVITY, REPORTED_HALVES, TARGETS } from './demo-figures.ts';
import { demoResults } from './demo-results.ts';
import { insertUnits } from './demo-units.ts';

export { type CsvUnit, readUnitsCsv } from './demo-units.ts';

export const DEMO_AS_OF = '2024-06-30';
export const DEMO_ORGANISATION = 'Hội Liên hiệp Phụ nữ tỉnh Bình Thuận';

/** Demo-only password of every demo account (README). Demo accounts exist only in a demo database. */
export const DEMO_PASSWORD = 'demo1234';

/** One account per role at several levels: [username, display name, role, unit code]. */
export const DEMO_ACCOUNTS: [string, string, Role, string][] = [
  ['admin', 'Quản trị hệ thống', 'admin', '60'],
  ['lanhdao', 'Lãnh đạo Hội LHPN tỉnh', 'viewer', '60'],
  ['quanly', 'Văn phòng Hội LHPN tỉnh', 'manager', '60'],
  ['duyet.tinh', 'Ban Thường vụ Hội LHPN tỉnh', 'approver', '60'],
  ['duyet.phanthiet', 'Hội LHPN TP. Phan Thiết (duyệt)', 'approver', '593'],
  ['xem.phanthiet', 'Hội LHPN TP. Phan Thiết (xem)', 'viewer', '593'],
  ['nhap.phuthuy', 'Hội LHPN phường Phú Thủy', 'entry', '22924'],
  ['nhap.phuhai', 'Hội LHPN phường Phú Hài', 'entry', '22921'],
];

export interface DemoSeed {
  termId: number;
  provinceId: number;
  structureVersionId: number;
}

/** Load the demo into an empty, migrated database, in one transaction. */
export function seedDemo(db: Db): DemoSeed {
  return inTransaction(db, (tx) => {
    const { provinceId, unitIdByCode, communeIds, firstCommunes, structureVersionId } = insertUnits(tx);
    const halfYearIds = insertPeriods(tx);
    const indicatorId = new Map<string, number>();
    for (const ind of INDICATORS)
      indicatorId.set(ind.code, tx.insert(s.indicators).values(ind).returning().get().id);

    const termId = tx
      .insert(s.terms)
      .values({
        code: 'BT-XV',
        name: 'Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026',
        shortName: 'Nhiệm kỳ XV (2021–2026)',
        ownerUnitId: provinceId,
        congressDate: '2021-12-15',
        startDate: '2021-12-15',
        midTermDate: DEMO_AS_OF,
        endDate: '2026-12-31',
        defaultAsOf: DEMO_AS_OF,
        illustrative: true,
      })
      .returning()
      .get().id;
    insertTargets(tx, termId, indicatorId, unitIdByCode);

    const reported = REPORTED_HALVES.map((start) =>
      found(halfYearIds.get(start), `the half-year from ${start}`),
    );
    const rows = demoResults(communeIds, firstCommunes, indicatorId, reported);
    for (const [code, unitCode, half, value] of OWN_ACTIVITY) {
      rows.push({
        unitId: found(unitIdByCode.get(unitCode), `unit ${unitCode}`),
        indicatorId: found(indicatorId.get(code), `indicator ${code}`),
        periodId: found(reported[half], `reported half-year ${half}`),
        value,
      });
    }
    for (let i = 0; i < rows.length; i += 500) {
      tx.insert(s.results)
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, illustrative: true })))
        .run();
    }
    // Every unit that reported had its reports approved by the province.
    const reporters = new Set(rows.map((r) => `${r.unitId}:${r.periodId}`));
    const subs = [...reporters].map((k) => {
      const [unitId, periodId] = k.split(':').map(Number) as [number, number];
      return { unitId, periodId, state: 'approved' as const };
    });
    for (let i = 0; i < subs.length; i += 500)
      tx.insert(s.submissions)
        .values(subs.slice(i, i + 500))
        .run();

    rebuildRollups(tx);
    // The demo's one published password is below the rules for real accounts (createUser takes a
    // hash and checks no rule): it exists only in a demo database, which says so on every page.
    // Being published, it is hashed once for all the demo accounts.
    const passwordHash = hashPasswordSync(DEMO_PASSWORD);
    for (const [username, displayName, role, unitCode] of DEMO_ACCOUNTS) {
      createUser(tx, {
        username,
        displayName,
        passwordHash,
        roles: [{ role, unitId: found(unitIdByCode.get(unitCode), `unit ${unitCode}`) }],
      });
    }
    setMeta(tx, 'organisation', DEMO_ORGANISATION);
    setMeta(tx, 'demo', 'true');
    bumpRevision(tx);
    return { termId, provinceId, structureVersionId };
  });
}

/** Half-years 2022–2026, due ten days after they end. */
function insertPeriods(tx: DbOrTx): Map<string, number> {
  const ids = new Map<string, number>();
  for (let year = 2022; year <= 2026; year++) {
    for (const [start, end, deadline] of [
      [`${year}-01-01`, `${year}-06-30`, `${year}-07-10`],
      [`${year}-07-01`, `${year}-12-31`, `${year + 1}-01-10`],
    ] as const) {
      ids.set(
        start,
        tx
          .insert(s.periods)
          .values({ kind: 'half', startDate: start, endDate: end, deadline })
          .returning()
          .get().id,
      );
    }
  }
  return ids;
}

function insertTargets(
  tx: DbOrTx,
  termId: number,
  indicatorId: Map<string, number>,
  unitIdByCode: Map<string, number>,
) {
  TARGETS.forEach((t, order) => {
    const id = tx
      .insert(s.targets)
      .values({
        termId,
        code: t.code,
        wording: t.wording,
        shortName: t.shortName,
        primaryIndicatorId: found(indicatorId.get(t.indicator), `indicator ${t.indicator}`),
        baseline: t.baseline ?? 0,
        goal: t.goal,
        midTermMilestone: t.midTermMilestone ?? null,
        counted: t.counted ?? true,
        sortOrder: order,
        mission: t.mission ?? null,
      })
      .returning()
      .get().id;
    for (const [i, code] of (t.related ?? []).entries()) {
      tx.insert(s.targetRelatedIndicators)
        .values({
          targetId: id,
          indicatorId: found(indicatorId.get(code), `indicator ${code}`),
          sortOrder: i,
        })
        .run();
    }
    for (const [i, amount] of (t.yearlyPlan ?? []).entries()) {
      tx.insert(s.targetYearlyPlans)
        .values({ targetId: id, year: 2022 + i, amount })
        .run();
    }
  });
  // CT2 allocated to the 10 districts, adding up to the goal of 700.
  const ct2 = tx
    .select()
    .from(s.targets)
    .all()
    .find((t) => t.code === 'CT2' && t.termId === termId);
  const shares: [string, number][] = [
    ['593', 110],
    ['594', 50],
    ['595', 80],
    ['596', 85],
    ['597', 80],
    ['598', 65],
    ['599', 60],
    ['600', 70],
    ['601', 70],
    ['602', 30],
  ];
  const targetId = found(ct2, 'target CT2').id;
  for (const [code, goal] of shares) {
    tx.insert(s.targetAllocations)
      .values({ targetId, unitId: found(unitIdByCode.get(code), `unit ${code}`), goal })
      .run();
  }
}
