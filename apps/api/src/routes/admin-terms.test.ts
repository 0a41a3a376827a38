/**
 * Setting up terms and targets over HTTP, from an installation with only a unit tree and accounts:
 * the happy path through to the leaders' dashboard, bad input, wrong roles and stale versions,
 * each refusal leaving the database as it was. Each test has its own copy of that installation and
 * sets up the term it stands on.
 */
import { createRootUnit, createUser, type Db, hashPasswordSync, recordResult } from '@chitieu/db';
import { addChildUnits, cloneDatabase, freshDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { DashboardSchema } from '../schemas/figures.ts';
import { type Answer, api, loginAs, type Routes, startTestServer } from '../testing.ts';

type Admin = Routes['admin'];
type Indicator = Answer<Admin['indicators']['$post'], 201>;
type Indicators = Answer<Admin['indicators']['$get']>;
type Term = Answer<Admin['terms']['$post'], 201>;
type Periods = Answer<Admin['terms'][':termId']['periods']['$post']>;
type TermSetup = Answer<Admin['terms'][':termId']['$get']>;
type CopiedTerm = Answer<Admin['terms'][':termId']['copy']['$post'], 201>;
type TargetSaved = Answer<Admin['targets'][':targetId']['$put']>;
type Allocations = Answer<Admin['targets'][':targetId']['allocations']['$get']>;
type AllocationsSaved = Answer<Admin['targets'][':targetId']['allocations']['$put']>;
type Terms = Answer<Routes['terms']['$get']>;
type Dashboard = z.infer<typeof DashboardSchema>;

const PASSWORD = 'mat-khau-dai';
type Role = 'admin' | 'manager' | 'entry';
const ACCOUNTS: Record<Role, string> = { admin: 'quantri', manager: 'quanly', entry: 'nhaplieu' };

/** The installation every test copies: a province, three districts, three signed-in accounts. */
let empty: Db;
let root: number;
let children: number[];
const cookies = new Map<Role, string>();

let db: Db;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  empty = freshDatabase();
  root = createRootUnit(empty, {
    code: '60',
    name: 'Tỉnh Bình Thuận',
    type: 'Tỉnh',
    validFrom: '2020-01-01',
  }).id;
  children = addChildUnits(
    empty,
    root,
    ['Phan Thiết', 'Tuy Phong', 'Bắc Bình'].map((name, i) => ({ code: `59${i}`, name, type: 'Huyện' })),
  );
  const roles: Record<Role, number> = { admin: root, manager: children[0] as number, entry: root };
  const names: Record<Role, string> = { admin: 'Quản trị', manager: 'Quản lý huyện', entry: 'Nhập liệu' };
  for (const role of ['admin', 'manager', 'entry'] as const)
    createUser(empty, {
      username: ACCOUNTS[role],
      displayName: names[role],
      passwordHash: hashPasswordSync(PASSWORD),
      roles: [{ role, unitId: roles[role] }],
    });
  // Sessions are rows: signed in once here, every copy below is signed in too.
  const signIn = await startTestServer(empty);
  for (const role of ['admin', 'manager', 'entry'] as const)
    cookies.set(role, (await loginAs(signIn.url, ACCOUNTS[role], PASSWORD)).cookie);
  await signIn.close();
});
beforeEach(async () => {
  db = cloneDatabase(empty);
  server = await startTestServer(db, { today: () => '2024-06-30' });
});
afterEach(async () => {
  await server.close();
  db.$client.close();
});
afterAll(() => empty.$client.close());

/** A client signed in with `role`, or without a session. */
const as = (role: Role | null) =>
  api(server.url, role ? { cookie: cookies.get(role) ?? '', origin: server.url } : { origin: server.url });

/** A request whose method the test names, for tables of refusals. */
function send(role: Role | null, method: string, path: string, body?: unknown) {
  const client = as(role);
  if (method === 'GET') return client.get(path);
  if (method === 'PUT') return client.put(path, body);
  return client.post(path, body);
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

/**
 * What the admin sets up first, checked as it goes: the five indicators, the term with half-year
 * periods, and its five targets.
 */
async function setUpTerm() {
  const admin = as('admin');
  const ids: Record<string, number> = {};
  for (const indicator of INDICATORS) {
    const res = await admin.post<Indicator>('/api/admin/indicators', indicator);
    expect(res.status).toBe(201);
    ids[indicator.code] = res.body.id;
  }
  const id = (code: string) => ids[code] ?? Number.NaN;
  const term = await admin.post<Term>('/api/admin/terms', TERM);
  expect(term.status).toBe(201);
  expect(term.body.ownerUnitId).toBe(root);
  const termId = term.body.id;
  const periods = await admin.post<Periods>(`/api/admin/terms/${termId}/periods`, { kinds: ['half'] });
  expect(periods.status).toBe(200);
  expect(periods.body).toHaveLength(11);
  const targets = [
    target('1', id('THOATNGHEO'), '3.000', { baseline: '0', midTermMilestone: '1.500' }),
    target('2', id('GIATRI'), '11,54 tỷ', { relatedIndicatorIds: [id('MOHINH')] }),
    target('3', id('MOHINH'), '120', { baseline: '80', yearlyPlan: [{ year: 2022, amount: '90' }] }),
    target('4', id('NANNHAN'), '87,5'),
    target('5', id('COSO'), '100', { counted: false }),
  ];
  for (const body of targets) {
    const res = await admin.post(`/api/admin/terms/${termId}/targets`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const setup = await admin.get<TermSetup>(`/api/admin/terms/${termId}`);
  const first = setup.body.targets[0];
  if (!first) throw new Error('The term was set up without targets.');
  return { termId, id, targets, setup: setup.body, first };
}

/** The first target's 3.000 households shared among the three districts (12 too many). */
async function allocateFirst(targetId: number) {
  const editor = await as('admin').get<Allocations>(`/api/admin/targets/${targetId}/allocations`);
  const saved = await as('admin').put<AllocationsSaved>(`/api/admin/targets/${targetId}/allocations`, {
    expectedVersion: editor.body.version,
    allocations: children.map((unitId, i) => ({ unitId, goal: ['1.000', '1.000', '1.012'][i] })),
  });
  expect(saved.status).toBe(200);
  return { editor: editor.body, saved: saved.body };
}

describe('an admin sets up a term from an empty start', () => {
  test('indicators, a term with periods, five targets, allocations, and the dashboard shows them unreported', async () => {
    const { termId, targets, setup, first } = await setUpTerm();
    expect(setup.targets.map((t) => t.goal)).toEqual([3000, 11_540_000_000, 120, 875, 1000]);

    const { editor, saved } = await allocateFirst(first.id);
    expect(editor.children.map((c) => c.name)).toEqual(['Phan Thiết', 'Tuy Phong', 'Bắc Bình']);
    expect(saved.warnings).toEqual(['Tổng phân bổ vượt chỉ tiêu 12 hộ.']);

    // Raising the goal to 3.017 leaves 5 households unallocated: saved, with the difference named.
    const again = await as('admin').get<TermSetup>(`/api/admin/terms/${termId}`);
    const raised = await as('admin').put<TargetSaved>(`/api/admin/targets/${first.id}`, {
      ...targets[0],
      goal: '3.017',
      expectedVersion: again.body.targets[0]?.version,
    });
    expect(raised.status).toBe(200);
    expect(raised.body.warnings).toEqual(['Tổng phân bổ còn thiếu 5 hộ so với chỉ tiêu.']);

    const dashboard = await as('admin').get<Dashboard>(`/api/terms/${termId}/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.targets).toHaveLength(5);
    for (const t of dashboard.body.targets) expect(t.figure.value).toBeNull();
    expect(dashboard.body.headline).toEqual({ done: 0, counted: 4, noCases: 0 });
  });

  test('bad input gets a Vietnamese 4xx and changes nothing', async () => {
    const { termId, id } = await setUpTerm();
    const before = snapshot();
    const cases: [string, string, unknown, number, RegExp][] = [
      [
        'POST',
        '/api/admin/indicators',
        { ...INDICATORS[0], code: 'X', measureType: 'sum' },
        400,
        /Loại đo lường/,
      ],
      ['POST', '/api/admin/indicators', { ...INDICATORS[0], code: ' ' }, 400, /mã chỉ số/],
      ['POST', '/api/admin/indicators', { ...INDICATORS[0], code: 'X', decimals: -1 }, 400, /không được âm/],
      ['POST', '/api/admin/indicators', INDICATORS[0], 409, /đã có/],
      ['POST', '/api/admin/terms', { ...TERM, code: 'Y', startDate: '2021-02-30' }, 400, /ngày có thật/],
      ['POST', '/api/admin/terms', { ...TERM, code: 'Y', endDate: '2020-01-01' }, 400, /thứ tự/],
      [
        'POST',
        `/api/admin/terms/${termId}/targets`,
        target('9', id('THOATNGHEO'), 'ba nghìn'),
        400,
        /Chỉ tiêu cả nhiệm kỳ/,
      ],
      [
        'POST',
        `/api/admin/terms/${termId}/targets`,
        target('9', id('NANNHAN'), '87.500'),
        400,
        /Chỉ tiêu cả nhiệm kỳ/,
      ],
      ['POST', `/api/admin/terms/${termId}/targets`, target('9', 99_999, '1'), 404, /chỉ số/],
      ['POST', '/api/admin/terms/99999/targets', target('9', id('THOATNGHEO'), '1'), 404, /nhiệm kỳ/],
      ['POST', `/api/admin/terms/${termId}/periods`, { kinds: [] }, 400, /ít nhất một loại kỳ/],
      [
        'PUT',
        '/api/admin/targets/abc/allocations',
        { expectedVersion: 'x', allocations: [] },
        400,
        /targetId/,
      ],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await send('admin', method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.error?.message).toMatch(message);
    }
    expect(snapshot()).toBe(before);
  });

  test('wrong roles get 403, no session 401, stale versions 409; nothing changes', async () => {
    const { termId, id, setup, first } = await setUpTerm();
    const { editor } = await allocateFirst(first.id);
    const before = snapshot();
    const refusals: [Role | null, string, string, unknown, number][] = [
      ['manager', 'POST', '/api/admin/indicators', { ...INDICATORS[0], code: 'Y' }, 403],
      ['entry', 'POST', '/api/admin/indicators', { ...INDICATORS[0], code: 'Y' }, 403],
      ['manager', 'POST', '/api/admin/terms', { ...TERM, code: 'Y' }, 403],
      ['manager', 'POST', `/api/admin/terms/${termId}/targets`, target('9', id('THOATNGHEO'), '1'), 403],
      ['entry', 'POST', `/api/admin/terms/${termId}/targets`, target('9', id('THOATNGHEO'), '1'), 403],
      ['entry', 'GET', `/api/admin/terms/${termId}`, undefined, 403],
      [
        'manager',
        'PUT',
        `/api/admin/targets/${first.id}/allocations`,
        { expectedVersion: editor.version, allocations: [] },
        403,
      ],
      [null, 'POST', '/api/admin/indicators', { ...INDICATORS[0], code: 'Y' }, 401],
      [
        'admin',
        'PUT',
        `/api/admin/targets/${first.id}`,
        { ...target('1', id('THOATNGHEO'), '1'), expectedVersion: 'cu' },
        409,
      ],
      [
        'admin',
        'PUT',
        `/api/admin/targets/${first.id}/allocations`,
        { expectedVersion: 'cu', allocations: [] },
        409,
      ],
      ['admin', 'PUT', `/api/admin/terms/${termId}`, { ...TERM, expectedVersion: 'cu' }, 409],
    ];
    for (const [who, method, path, body, status] of refusals) {
      const res = await send(who, method, path, body);
      expect(res.status, `${who} ${method} ${path}`).toBe(status);
      expect(res.error?.message).toMatch(
        /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
      );
    }
    expect(snapshot()).toBe(before);

    // The district's manager allocates inside the district.
    const district = await as('manager').get<Allocations>(
      `/api/admin/targets/${first.id}/allocations?parentUnitId=${children[0]}`,
    );
    expect(district.status).toBe(200);
    expect(district.body.parentGoal).toBe(1000);
    // Their setup page offers allocation under their district and nothing else.
    const managerView = await as('manager').get<TermSetup>(`/api/admin/terms/${termId}`);
    expect(managerView.status).toBe(200);
    expect(managerView.body.permissions).toEqual({
      editTerm: false,
      editTargets: false,
      allocationParents: [children[0]],
    });
    expect(setup.permissions).toEqual({ editTerm: true, editTargets: true, allocationParents: [root] });
  });

  test('an indicator with results keeps its measure type and decimals', async () => {
    const { id, setup } = await setUpTerm();
    const period = setup.periods[0];
    if (!period) throw new Error('The term was set up without periods.');
    recordResult(db, {
      unitId: children[1] as number,
      indicatorId: id('THOATNGHEO'),
      periodId: period.id,
      value: 7,
    });
    const list = await as('admin').get<Indicators>('/api/admin/indicators');
    const current = list.body.find((i) => i.code === 'THOATNGHEO');
    if (!current) throw new Error('The indicator list lacks THOATNGHEO.');
    expect(current.hasResults).toBe(true);
    const before = snapshot();
    const refused = await as('admin').put(`/api/admin/indicators/${current.id}`, {
      ...INDICATORS[0],
      measureType: 'stock',
      expectedVersion: current.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toMatch(/đã có kết quả/);
    expect(snapshot()).toBe(before);
    const renamed = await as('admin').put(`/api/admin/indicators/${current.id}`, {
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
    const doc = await as(null).get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    for (const path of [
      '/admin/indicators',
      '/admin/terms/{termId}/targets',
      '/admin/targets/{targetId}/allocations',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });

  test('copying the term starts the next one with the same targets and new periods', async () => {
    const { termId, first } = await setUpTerm();
    await allocateFirst(first.id);
    const res = await as('admin').post<CopiedTerm>(`/api/admin/terms/${termId}/copy`, {
      code: 'I',
      name: 'Đại hội đại biểu Phụ nữ tỉnh Lâm Đồng lần thứ I, nhiệm kỳ 2025–2030',
      shortName: 'Nhiệm kỳ 2025–2030',
      startDate: '2025-10-01',
      midTermDate: '2028-03-31',
      endDate: '2030-09-30',
    });
    expect(res.status).toBe(201);
    expect(res.body.targets.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(res.body.targets.every((t) => t.allocation.count === 0)).toBe(true);
    expect(res.body.periods.at(-1)?.endDate).toBe('2030-12-31');
    const terms = await as('admin').get<Terms>('/api/terms');
    expect(terms.body.map((t) => t.code)).toEqual(['XV', 'I']);
  });
});
