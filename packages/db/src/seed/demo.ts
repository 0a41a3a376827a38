/**
 * The demo: Bình Thuận Women's Union, congress XV (2021–2026), as its mid-term review reported it
 * (Báo Bình Thuận, 10/07/2024): 7/8 targets, 124/124, 746, 584 and 11,54 tỷ đồng, 2.986 ("gần 3.000"),
 * 10, 13, 11 and 28. Units are the real 2021 GSO list. Target wordings and goals are modelled on the
 * movement's resolutions; every per-commune and per-period split is invented, adds up exactly to the
 * article's totals, and is stored with `illustrative = true` (the UI then says "Số liệu minh họa").
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mission, Role } from '@chitieu/core';
import { createUser } from '../auth.ts';
import type { Db, DbOrTx } from '../client.ts';
import { hashPasswordSync } from '../passwords.ts';
import { bumpRevision, setMeta } from '../revision.ts';
import { rebuildRollups } from '../rollup.ts';
import * as s from '../schema.ts';
import { seededRandom, splitExactly } from './split.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

export const DEMO_AS_OF = '2024-06-30';
export const DEMO_ORGANISATION = 'Hội Liên hiệp Phụ nữ tỉnh Bình Thuận';
const UNITS_VALID_FROM = '2021-01-01';
const GRASSROOTS_TYPES = new Set(['Xã', 'Phường', 'Thị trấn']);

/** The five half-years reported by the mid-term, oldest first. */
const REPORTED_HALVES = ['2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01'];

export interface CsvUnit {
  code: string;
  name: string;
  type: string;
  parentCode: string;
}

/** Minimal CSV reader for the shared files (no quoted fields in them). */
export function readUnitsCsv(file = join(DATA_DIR, 'units-2021.csv')): CsvUnit[] {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [code = '', name = '', type = '', parentCode = ''] = line.split(',');
    return { code, name, type, parentCode };
  });
}

interface DemoTarget {
  code: string;
  wording: string;
  shortName: string;
  indicator: string;
  goal: number | null;
  baseline?: number;
  midTermMilestone?: number;
  counted?: boolean;
  related?: string[];
  yearlyPlan?: number[];
  /** The overview chart and mission page this target feeds. */
  mission?: Mission;
}

const INDICATORS: (typeof s.indicators.$inferInsert)[] = [
  {
    code: 'HD5LH',
    name: 'Cơ sở Hội duy trì 5 loại hình hoạt động',
    measurementUnit: 'cơ sở',
    measureType: 'units_meeting',
    decimals: 1,
    frequency: 'half',
  },
  {
    code: 'THOATNGHEO',
    name: 'Hộ thoát nghèo, cận nghèo được Hội hỗ trợ',
    measurementUnit: 'hộ',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'NTM_CT',
    name: 'Công trình, phần việc xây dựng nông thôn mới',
    measurementUnit: 'công trình',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'NTM_GT',
    name: 'Giá trị công trình, phần việc nông thôn mới',
    measurementUnit: 'đồng',
    measureType: 'amount',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'GD5K3S',
    name: 'Hộ đạt tiêu chí “Gia đình 5 không, 3 sạch”',
    measurementUnit: 'hộ',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'TO_CDS',
    name: 'Mô hình “Tổ hỗ trợ phụ nữ chuyển đổi số” đang hoạt động',
    measurementUnit: 'mô hình',
    measureType: 'stock',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'NANNHAN',
    name: 'Nạn nhân bạo lực, mua bán người được tiếp cận dịch vụ hỗ trợ',
    measurementUnit: '%',
    measureType: 'ratio',
    decimals: 1,
    frequency: 'half',
    ratioOverTime: 'sum',
  },
  {
    code: 'NGUONLUC',
    name: 'Nguồn lực vận động hỗ trợ phụ nữ, trẻ em khó khăn',
    measurementUnit: 'đồng',
    measureType: 'amount',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'HTX',
    name: 'Hợp tác xã, tổ hợp tác do phụ nữ quản lý thành lập mới',
    measurementUnit: 'HTX, THT',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'CBGIOI',
    name: 'Cán bộ Hội cơ sở giỏi được khen thưởng',
    measurementUnit: 'người',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'CNTT_GIAI',
    name: 'Sản phẩm đạt giải cuộc thi ứng dụng CNTT trong sinh hoạt Hội',
    measurementUnit: 'sản phẩm',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'HVDANHDU',
    name: 'Nam giới được kết nạp hội viên danh dự',
    measurementUnit: 'người',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
];

const TARGETS: DemoTarget[] = [
  {
    code: 'CT1',
    indicator: 'HD5LH',
    mission: 'grassroots',
    goal: 1000,
    baseline: 900,
    wording: '100% cơ sở Hội duy trì thường xuyên và nhân rộng 5 loại hình hoạt động',
    shortName: 'Cơ sở Hội duy trì 5 loại hình hoạt động',
  },
  {
    code: 'CT2',
    indicator: 'THOATNGHEO',
    mission: 'poverty',
    goal: 700,
    midTermMilestone: 350,
    yearlyPlan: [140, 140, 140, 140, 140],
    wording: 'Vận động, hỗ trợ giúp ít nhất 700 hộ thoát nghèo, cận nghèo trong nhiệm kỳ',
    shortName: 'Hộ thoát nghèo, cận nghèo',
  },
  {
    code: 'CT3',
    indicator: 'NTM_CT',
    mission: 'rural',
    goal: 500,
    midTermMilestone: 250,
    related: ['NTM_GT'],
    wording: 'Thực hiện ít nhất 500 công trình, phần việc tham gia xây dựng nông thôn mới, đô thị văn minh',
    shortName: 'Công trình, phần việc nông thôn mới',
  },
  {
    code: 'CT4',
    indicator: 'GD5K3S',
    goal: 2500,
    wording: 'Vận động, giúp ít nhất 2.500 hộ gia đình đạt tiêu chí “Gia đình 5 không, 3 sạch”',
    shortName: 'Hộ đạt “Gia đình 5 không, 3 sạch”',
  },
  {
    code: 'CT5',
    indicator: 'TO_CDS',
    goal: 10,
    baseline: 0,
    wording: 'Xây dựng 10 mô hình điểm “Tổ hỗ trợ phụ nữ chuyển đổi số” (khâu đột phá)',
    shortName: 'Mô hình “Tổ hỗ trợ phụ nữ chuyển đổi số”',
  },
  {
    code: 'CT6',
    indicator: 'NANNHAN',
    goal: 800,
    baseline: 700,
    wording:
      'Phấn đấu 80% phụ nữ, trẻ em gái là nạn nhân của bạo lực, mua bán người được tiếp cận ít nhất một dịch vụ hỗ trợ',
    shortName: 'Nạn nhân bạo lực được tiếp cận dịch vụ hỗ trợ',
  },
  {
    code: 'CT7',
    indicator: 'NGUONLUC',
    goal: 20_000_000_000,
    wording: 'Vận động nguồn lực hỗ trợ phụ nữ, trẻ em có hoàn cảnh khó khăn đạt ít nhất 20 tỷ đồng',
    shortName: 'Nguồn lực hỗ trợ phụ nữ, trẻ em khó khăn',
  },
  {
    code: 'CT8',
    indicator: 'HTX',
    goal: 30,
    wording: 'Hỗ trợ thành lập mới ít nhất 30 hợp tác xã, tổ hợp tác do phụ nữ quản lý',
    shortName: 'HTX, tổ hợp tác do phụ nữ quản lý',
  },
  {
    code: 'BS1',
    indicator: 'CBGIOI',
    goal: null,
    counted: false,
    wording: 'Cá nhân đạt danh hiệu “Cán bộ Hội cơ sở giỏi” được Ban Thường vụ Hội LHPN tỉnh khen thưởng',
    shortName: 'Cán bộ Hội cơ sở giỏi được khen thưởng',
  },
  {
    code: 'BS2',
    indicator: 'CNTT_GIAI',
    goal: null,
    counted: false,
    wording: 'Sản phẩm đạt giải Cuộc thi “Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt Hội” cấp tỉnh',
    shortName: 'Sản phẩm đạt giải cuộc thi ứng dụng CNTT',
  },
  {
    code: 'BS3',
    indicator: 'HVDANHDU',
    goal: null,
    counted: false,
    wording: 'Nam giới được kết nạp hội viên danh dự Hội LHPN Việt Nam',
    shortName: 'Hội viên danh dự (nam giới)',
  },
];

/** Per-half-year totals that add up to the article's figures. */
const HALF_YEAR_TOTALS: Record<string, number[]> = {
  THOATNGHEO: [130, 160, 140, 175, 141], // 746
  NTM_CT: [110, 125, 105, 130, 114], // 584
  GD5K3S: [560, 640, 585, 650, 551], // 2.986: "gần 3.000"
  HTX: [2, 3, 2, 3, 1], // 11 of 30: the one target behind pace
};
/** Money per half-year in millions of đồng: 11.540 triệu = 11,54 tỷ; 21.350 triệu. */
const MONEY_MILLIONS: Record<string, number[]> = {
  NTM_GT: [2150, 2480, 2090, 2610, 2210],
  NGUONLUC: [3900, 4600, 4100, 4850, 3900],
};
/** Victims reached / victims, per half-year: 171/204 = 83,8%. */
const VICTIMS = { reached: [30, 34, 33, 38, 36], total: [38, 41, 39, 44, 42] };
/** Pilot digital-transformation teams in operation at the end of each half-year. */
const TEAMS_IN_OPERATION = [2, 4, 6, 8, 10];
/** Figures reported by a non-leaf unit as its own activity: [indicator, unit code, half-year index, value]. */
const OWN_ACTIVITY: [string, string, number, number][] = [
  ['CBGIOI', '60', 4, 13],
  ['CNTT_GIAI', '60', 4, 11],
  ['HVDANHDU', '593', 4, 28],
];

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
  return db.transaction((tx) => {
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

    const reported = REPORTED_HALVES.map((start) => halfYearIds.get(start) as number);
    const rows = demoResults(communeIds, firstCommunes, indicatorId, reported);
    for (const [code, unitCode, half, value] of OWN_ACTIVITY) {
      rows.push({
        unitId: unitIdByCode.get(unitCode) as number,
        indicatorId: indicatorId.get(code) as number,
        periodId: reported[half] as number,
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
        roles: [{ role, unitId: unitIdByCode.get(unitCode) as number }],
      });
    }
    setMeta(tx, 'organisation', DEMO_ORGANISATION);
    setMeta(tx, 'demo', 'true');
    bumpRevision(tx);
    return { termId, provinceId, structureVersionId };
  });
}

function insertUnits(tx: DbOrTx) {
  const csv = readUnitsCsv();
  const unitIdByCode = new Map<string, number>();
  const communeIds: number[] = [];
  /** Index in communeIds of each district's first commune. */
  const firstCommunes = new Map<string, number>();
  for (const u of csv) {
    const id = tx
      .insert(s.units)
      .values({
        code: u.code,
        name: u.name,
        type: u.type,
        isGrassroots: GRASSROOTS_TYPES.has(u.type),
        validFrom: UNITS_VALID_FROM,
      })
      .returning()
      .get().id;
    unitIdByCode.set(u.code, id);
    if (GRASSROOTS_TYPES.has(u.type)) {
      if (!firstCommunes.has(u.parentCode)) firstCommunes.set(u.parentCode, communeIds.length);
      communeIds.push(id);
    }
  }
  const attached: CsvUnit[] = [
    { code: '60-CA', name: 'Hội Phụ nữ Công an tỉnh', type: 'Đơn vị trực thuộc', parentCode: '60' },
    {
      code: '60-QS',
      name: 'Hội Phụ nữ Bộ Chỉ huy Quân sự tỉnh',
      type: 'Đơn vị trực thuộc',
      parentCode: '60',
    },
    {
      code: '60-BP',
      name: 'Hội Phụ nữ Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
      type: 'Đơn vị trực thuộc',
      parentCode: '60',
    },
  ];
  for (const u of attached) {
    unitIdByCode.set(
      u.code,
      tx
        .insert(s.units)
        .values({ code: u.code, name: u.name, type: u.type, validFrom: UNITS_VALID_FROM })
        .returning()
        .get().id,
    );
  }

  const structureVersionId = tx
    .insert(s.structureVersions)
    .values({ name: 'Cơ cấu 2021 (10 huyện, 124 xã)', validFrom: UNITS_VALID_FROM })
    .returning()
    .get().id;
  const pathOf = new Map<string, string>();
  [...csv, ...attached].forEach((u, order) => {
    const id = unitIdByCode.get(u.code) as number;
    const parentPath = u.parentCode ? (pathOf.get(u.parentCode) as string) : '/';
    const path = `${parentPath}${id}/`;
    pathOf.set(u.code, path);
    tx.insert(s.placements)
      .values({
        structureVersionId,
        unitId: id,
        parentId: u.parentCode ? (unitIdByCode.get(u.parentCode) as number) : null,
        path,
        depth: path.split('/').length - 3,
        sortOrder: order,
      })
      .run();
  });
  return {
    provinceId: unitIdByCode.get('60') as number,
    unitIdByCode,
    communeIds,
    firstCommunes: [...firstCommunes.values()],
    structureVersionId,
  };
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
        primaryIndicatorId: indicatorId.get(t.indicator) as number,
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
        .values({ targetId: id, indicatorId: indicatorId.get(code) as number, sortOrder: i })
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
  const districts = ['593', '594', '595', '596', '597', '598', '599', '600', '601', '602'];
  const shares = [110, 50, 80, 85, 80, 65, 60, 70, 70, 30];
  districts.forEach((code, i) => {
    tx.insert(s.targetAllocations)
      .values({
        targetId: ct2?.id as number,
        unitId: unitIdByCode.get(code) as number,
        goal: shares[i] as number,
      })
      .run();
  });
}

type ResultRow = Omit<typeof s.results.$inferInsert, 'illustrative'>;

/** The invented per-commune splits. Each commune has a stable "size" so its figures look consistent. */
function demoResults(
  communeIds: number[],
  firstCommunes: number[],
  indicatorId: Map<string, number>,
  periods: number[],
): ResultRow[] {
  const random = seededRandom(20240710);
  const size = communeIds.map(() => 1 + Math.floor(random() * 5));
  const noisy = () => size.map((w) => w * (2 + Math.floor(random() * 4)));
  const rows: ResultRow[] = [];
  const push = (code: string, p: number, values: Partial<ResultRow>[]) => {
    for (const [i, v] of values.entries()) {
      rows.push({
        unitId: communeIds[i] as number,
        indicatorId: indicatorId.get(code) as number,
        periodId: periods[p] as number,
        ...v,
      });
    }
  };

  periods.forEach((_, p) => {
    for (const [code, totals] of Object.entries(HALF_YEAR_TOTALS)) {
      const parts = splitExactly(totals[p] as number, code === 'HTX' ? size.map(() => 1) : noisy());
      push(
        code,
        p,
        parts.map((value) => ({ value })),
      );
      if (code === 'NTM_CT') {
        // The works' value follows the number of works, in whole millions of đồng.
        const money = splitExactly((MONEY_MILLIONS.NTM_GT as number[])[p] as number, parts);
        push(
          'NTM_GT',
          p,
          money.map((m) => ({ value: m * 1_000_000 })),
        );
      }
    }
    const support = splitExactly((MONEY_MILLIONS.NGUONLUC as number[])[p] as number, noisy());
    push(
      'NGUONLUC',
      p,
      support.map((m) => ({ value: m * 1_000_000 })),
    );

    const total = splitExactly(VICTIMS.total[p] as number, noisy());
    const reached = splitExactly(VICTIMS.reached[p] as number, total, total);
    push(
      'NANNHAN',
      p,
      total.map((denominator, i) => ({ numerator: reached[i] as number, denominator })),
    );

    push(
      'HD5LH',
      p,
      communeIds.map(() => ({ meets: true })),
    );
    // One pilot team in each district's first commune, opened two at a time.
    const open = firstCommunes.slice(0, TEAMS_IN_OPERATION[p]);
    push(
      'TO_CDS',
      p,
      communeIds.map((_, i) => ({ value: open.includes(i) ? 1 : 0 })),
    );
  });
  return rows;
}
