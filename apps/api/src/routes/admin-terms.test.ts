/**
 * Setting up terms and targets over HTTP, from an installation with only a unit tree and accounts:
 * the happy path through to the leaders' dashboard, bad input, wrong roles and stale versions,
 * each refusal leaving the database as it was.
 */
import { createRootUnit, createUser, type Db, hashPasswordSync, recordResult } from '@chitieu/db';
import { addChildUnits, freshDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

const PASSWORD = 'mat-khau-dai';
let db: Db;
let server: Awaited<ReturnType<typeof startTestServer>>;
let as: Record<'admin' | 'manager' | 'entry', Record<string, string>>;
let root: number;
let children: number[];

beforeAll(async () => {
  db = freshDatabase();
  root = createRootUnit(db, {
    code: '60',
    name: 'Tỉnh Bình Thuận',
    type: 'Tỉnh',
    validFrom: '2020-01-01',
  }).id;
  children = addChildUnits(
    db,
    root,
    ['Phan Thiết', 'Tuy Phong', 'Bắc Bình'].map((name, i) => ({ code: `59${i}`, name, type: 'Huyện' })),
  );
  createUser(db, {
    username: 'quantri',
    displayName: 'Quản trị',
    passwordHash: hashPasswordSync(PASSWORD),
    roles: [{ role: 'admin', unitId: root }],
  });
  createUser(db, {
    username: 'quanly',
    displayName: 'Quản lý huyện',
    passwordHash: hashPasswordSync(PASSWORD),
    roles: [{ role: 'manager', unitId: children[0] as number }],
  });
  createUser(db, {
    username: 'nhaplieu',
    displayName: 'Nhập liệu',
    passwordHash: hashPasswordSync(PASSWORD),
    roles: [{ role: 'entry', unitId: root }],
  });
  server = await startTestServer(db, { today: () => '2024-06-30' });
  as = {
    admin: await loginAs(server.url, 'quantri', PASSWORD),
    manager: await loginAs(server.url, 'quanly', PASSWORD),
    entry: await loginAs(server.url, 'nhaplieu', PASSWORD),
  };
});
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers loosely; the assertions check them.
type Json = any;

async function call(method: string, path: string, who: Record<string, string> | null, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(who ?? { origin: server.url }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/** Everything a refusal must leave as it was. */
const snapshot = () =>
  JSON.stringify(
    db.all(sql`SELECT 'i', id, code, name, measure_type, decimals FROM indicators
      UNION ALL SELECT 't', id, code, name, start_date, end_date FROM terms
      UNION ALL SELECT 'g', id, code, goal, baseline, short_name FROM targets
      UNION ALL SELECT 'a', target_id, unit_id, goal, 0, 0 FROM target_allocations
      UNION ALL SELECT 'p', id, kind, start_date, deadline, 0 FROM periods
      UNION ALL SELECT 'e', COUNT(*), 0, 0, 0, 0 FROM audit_events`),
  );

const INDICATORS = [
  {
    code: 'THOATNGHEO',
    name: 'Hộ thoát nghèo',
    measurementUnit: 'hộ',
    measureType: 'cumulative',
    decimals: 0,
  },
  { code: 'GIATRI', name: 'Giá trị công trình', measurementUnit: 'đồng', measureType: 'amount', decimals: 0 },
  {
    code: 'MOHINH',
    name: 'Mô hình đang hoạt động',
    measurementUnit: 'mô hình',
    measureType: 'stock',
    decimals: 0,
  },
  {
    code: 'NANNHAN',
    name: 'Tỷ lệ nạn nhân được hỗ trợ',
    measurementUnit: '%',
    measureType: 'ratio',
    decimals: 1,
  },
  {
    code: 'COSO',
    name: 'Cơ sở duy trì 5 loại hình',
    measurementUnit: 'cơ sở',
    measureType: 'units_meeting',
    decimals: 1,
  },
].map((i) => ({ ...i, frequency: 'half', ratioOverTime: 'sum' }));

const TERM = {
  code: 'XV',
  name: 'Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026',
  shortName: 'Nhiệm kỳ 2021–2026',
  congressDate: '2021-09-20',
  startDate: '2021-10-01',
  midTermDate: '2024-03-31',
  endDate: '2026-09-30',
};

const target = (
  code: string,
  primaryIndicatorId: number,
  goal: string,
  extra: Record<string, unknown> = {},
) => ({
  code,
  wording: `Chỉ tiêu ${code}`,
  shortName: `Chỉ tiêu ${code}`,
  primaryIndicatorId,
  goal,
  direction: 'at_least',
  counted: true,
  ...extra,
});

// One story told in steps: the later steps refuse, copy and check the term the first one sets up,
// so its steps keep their order even when the suite is shuffled (files still run in any order).
describe('an admin sets up a term from an empty start', { shuffle: false }, () => {
  let termId: number;
  let ids: Record<string, number>;

  test('indicators, a term with periods, five targets, allocations, and the dashboard shows them unreported', async () => {
    ids = {};
    for (const indicator of INDICATORS) {
      const res = await call('POST', '/admin/indicators', as.admin, indicator);
      expect(res.status).toBe(201);
      ids[indicator.code] = res.body.id;
    }
    const term = await call('POST', '/admin/terms', as.admin, TERM);
    expect(term.status).toBe(201);
    expect(term.body.ownerUnitId).toBe(root);
    termId = term.body.id;
    const periods = await call('POST', `/admin/terms/${termId}/periods`, as.admin, { kinds: ['half'] });
    expect(periods.status).toBe(200);
    expect(periods.body).toHaveLength(11);

    const created = [
      target('1', ids.THOATNGHEO as number, '3.000', { baseline: '0', midTermMilestone: '1.500' }),
      target('2', ids.GIATRI as number, '11,54 tỷ', { relatedIndicatorIds: [ids.MOHINH] }),
      target('3', ids.MOHINH as number, '120', {
        baseline: '80',
        yearlyPlan: [{ year: 2022, amount: '90' }],
      }),
      target('4', ids.NANNHAN as number, '87,5'),
      target('5', ids.COSO as number, '100', { counted: false }),
    ];
    for (const body of created) {
      const res = await call('POST', `/admin/terms/${termId}/targets`, as.admin, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const setup = await call('GET', `/admin/terms/${termId}`, as.admin);
    expect(setup.body.targets.map((t: { goal: number }) => t.goal)).toEqual([
      3000, 11_540_000_000, 120, 875, 1000,
    ]);

    const first = setup.body.targets[0];
    const editor = await call('GET', `/admin/targets/${first.id}/allocations`, as.admin);
    expect(editor.body.children.map((c: { name: string }) => c.name)).toEqual([
      'Phan Thiết',
      'Tuy Phong',
      'Bắc Bình',
    ]);
    const saved = await call('PUT', `/admin/targets/${first.id}/allocations`, as.admin, {
      expectedVersion: editor.body.version,
      allocations: children.map((unitId, i) => ({ unitId, goal: ['1.000', '1.000', '1.012'][i] })),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.warnings).toEqual(['Tổng phân bổ vượt chỉ tiêu 12 hộ.']);

    // Raising the goal to 3.017 leaves 5 households unallocated: saved, with the difference named.
    const again = await call('GET', `/admin/terms/${termId}`, as.admin);
    const raised = await call('PUT', `/admin/targets/${first.id}`, as.admin, {
      ...created[0],
      goal: '3.017',
      expectedVersion: again.body.targets[0].version,
    });
    expect(raised.status).toBe(200);
    expect(raised.body.warnings).toEqual(['Tổng phân bổ còn thiếu 5 hộ so với chỉ tiêu.']);

    const dashboard = await call('GET', `/terms/${termId}/dashboard`, as.admin);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.targets).toHaveLength(5);
    for (const t of dashboard.body.targets) expect(t.figure.value).toBeNull();
    expect(dashboard.body.headline).toEqual({ done: 0, counted: 4, noCases: 0 });
  });

  test('bad input gets a Vietnamese 4xx and changes nothing', async () => {
    const before = snapshot();
    const cases: [string, string, unknown, number, RegExp][] = [
      [
        'POST',
        '/admin/indicators',
        { ...INDICATORS[0], code: 'X', measureType: 'sum' },
        400,
        /Loại đo lường/,
      ],
      ['POST', '/admin/indicators', { ...INDICATORS[0], code: ' ' }, 400, /mã chỉ số/],
      ['POST', '/admin/indicators', { ...INDICATORS[0], code: 'X', decimals: -1 }, 400, /không được âm/],
      ['POST', '/admin/indicators', INDICATORS[0], 409, /đã có/],
      ['POST', '/admin/terms', { ...TERM, code: 'Y', startDate: '2021-02-30' }, 400, /ngày có thật/],
      ['POST', '/admin/terms', { ...TERM, code: 'Y', endDate: '2020-01-01' }, 400, /thứ tự/],
      [
        'POST',
        `/admin/terms/${termId}/targets`,
        target('9', ids.THOATNGHEO as number, 'ba nghìn'),
        400,
        /Chỉ tiêu cả nhiệm kỳ/,
      ],
      [
        'POST',
        `/admin/terms/${termId}/targets`,
        target('9', ids.NANNHAN as number, '87.500'),
        400,
        /Chỉ tiêu cả nhiệm kỳ/,
      ],
      ['POST', `/admin/terms/${termId}/targets`, target('9', 99_999, '1'), 404, /chỉ số/],
      ['POST', '/admin/terms/99999/targets', target('9', ids.THOATNGHEO as number, '1'), 404, /nhiệm kỳ/],
      ['POST', `/admin/terms/${termId}/periods`, { kinds: [] }, 400, /ít nhất một loại kỳ/],
      ['PUT', '/admin/targets/abc/allocations', { expectedVersion: 'x', allocations: [] }, 400, /targetId/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await call(method, path, as.admin, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
    expect(snapshot()).toBe(before);
  });

  test('wrong roles get 403, no session 401, stale versions 409; nothing changes', async () => {
    const before = snapshot();
    const setup = await call('GET', `/admin/terms/${termId}`, as.admin);
    const first = setup.body.targets[0];
    const editor = await call('GET', `/admin/targets/${first.id}/allocations`, as.admin);
    const refusals: [keyof typeof as | null, string, string, unknown, number][] = [
      ['manager', 'POST', '/admin/indicators', { ...INDICATORS[0], code: 'Y' }, 403],
      ['entry', 'POST', '/admin/indicators', { ...INDICATORS[0], code: 'Y' }, 403],
      ['manager', 'POST', '/admin/terms', { ...TERM, code: 'Y' }, 403],
      ['manager', 'POST', `/admin/terms/${termId}/targets`, target('9', ids.THOATNGHEO as number, '1'), 403],
      ['entry', 'POST', `/admin/terms/${termId}/targets`, target('9', ids.THOATNGHEO as number, '1'), 403],
      ['entry', 'GET', `/admin/terms/${termId}`, undefined, 403],
      [
        'manager',
        'PUT',
        `/admin/targets/${first.id}/allocations`,
        { expectedVersion: editor.body.version, allocations: [] },
        403,
      ],
      [null, 'POST', '/admin/indicators', { ...INDICATORS[0], code: 'Y' }, 401],
      [
        'admin',
        'PUT',
        `/admin/targets/${first.id}`,
        { ...target('1', ids.THOATNGHEO as number, '1'), expectedVersion: 'cu' },
        409,
      ],
      [
        'admin',
        'PUT',
        `/admin/targets/${first.id}/allocations`,
        { expectedVersion: 'cu', allocations: [] },
        409,
      ],
      ['admin', 'PUT', `/admin/terms/${termId}`, { ...TERM, expectedVersion: 'cu' }, 409],
    ];
    for (const [who, method, path, body, status] of refusals) {
      const res = await call(method, path, who ? as[who] : null, body);
      expect(res.status, `${who} ${method} ${path}`).toBe(status);
      expect(res.body.error.message).toMatch(
        /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
      );
    }
    expect(snapshot()).toBe(before);

    // The district's manager allocates inside the district.
    const district = await call(
      'GET',
      `/admin/targets/${first.id}/allocations?parentUnitId=${children[0]}`,
      as.manager,
    );
    expect(district.status).toBe(200);
    expect(district.body.parentGoal).toBe(1000);
    // Their setup page offers allocation under their district and nothing else.
    const managerView = await call('GET', `/admin/terms/${termId}`, as.manager);
    expect(managerView.status).toBe(200);
    expect(managerView.body.permissions).toEqual({
      editTerm: false,
      editTargets: false,
      allocationParents: [children[0]],
    });
    expect(setup.body.permissions).toEqual({ editTerm: true, editTargets: true, allocationParents: [root] });
  });

  test('an indicator with results keeps its measure type and decimals', async () => {
    const setup = await call('GET', `/admin/terms/${termId}`, as.admin);
    recordResult(db, {
      unitId: children[1] as number,
      indicatorId: ids.THOATNGHEO as number,
      periodId: setup.body.periods[0].id,
      value: 7,
    });
    const list = await call('GET', '/admin/indicators', as.admin);
    const current = list.body.find((i: { code: string }) => i.code === 'THOATNGHEO');
    expect(current.hasResults).toBe(true);
    const before = snapshot();
    const refused = await call('PUT', `/admin/indicators/${current.id}`, as.admin, {
      ...INDICATORS[0],
      measureType: 'stock',
      expectedVersion: current.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/đã có kết quả/);
    expect(snapshot()).toBe(before);
    const renamed = await call('PUT', `/admin/indicators/${current.id}`, as.admin, {
      ...INDICATORS[0],
      name: 'Số hộ thoát nghèo',
      expectedVersion: current.version,
    });
    expect(renamed.status).toBe(200);
    const audit = db.get<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'indicator' AND action = 'update'`,
    );
    expect(audit?.n).toBe(1);
  });

  test('the routes are in the OpenAPI document', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    for (const path of [
      '/admin/indicators',
      '/admin/terms/{termId}/targets',
      '/admin/targets/{targetId}/allocations',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  test('copying the term starts the next one with the same targets and new periods', async () => {
    const res = await call('POST', `/admin/terms/${termId}/copy`, as.admin, {
      code: 'I',
      name: 'Đại hội đại biểu Phụ nữ tỉnh Lâm Đồng lần thứ I, nhiệm kỳ 2025–2030',
      shortName: 'Nhiệm kỳ 2025–2030',
      startDate: '2025-10-01',
      midTermDate: '2028-03-31',
      endDate: '2030-09-30',
    });
    expect(res.status).toBe(201);
    expect(res.body.targets.map((t: { code: string }) => t.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(res.body.targets.every((t: { allocation: { count: number } }) => t.allocation.count === 0)).toBe(
      true,
    );
    expect(res.body.periods.at(-1).endDate).toBe('2030-12-31');
    const terms = await call('GET', '/terms', as.admin);
    expect(terms.body.map((t: { code: string }) => t.code)).toEqual(['XV', 'I']);
  });
});
