/**
 * The security matrix for every route, generated from /api/openapi.json so that a new route
 * cannot be missed: without a session every private route answers 401; every write answers 403
 * to a signed-in user of the wrong role (a viewer of the whole province) and to one with the right
 * kind of role outside the unit concerned, and leaves the database byte for byte unchanged.
 *
 * A write route added to the API without a case below fails "every write route has a case".
 */
import { createHash } from 'node:crypto';
import { createUser, type Db, DEMO_PASSWORD, hashPasswordSync, recordResult, schema } from '@chitieu/db';
import { demoLookups } from '@chitieu/db/testing';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorSchema } from '../schemas/common.ts';
import { type Answer, demoServerPerTest, type Routes } from '../testing.ts';

type Admin = Routes['admin'];
type AdminUnits = Answer<Admin['units']['$get']>;
type Indicators = Answer<Admin['indicators']['$get']>;
type TermSetup = Answer<Admin['terms'][':termId']['$get']>;
type Allocations = Answer<Admin['targets'][':targetId']['allocations']['$get']>;
type Report = Answer<Routes['terms'][':termId']['reports'][':kind']['$get']>;
/** The part of the OpenAPI document the matrix reads: every path and its methods. */
type OpenApiPaths = { paths: Record<string, Record<string, unknown>> };

/** Anyone may call these. */
const PUBLIC = new Set([
  'GET /meta',
  'GET /auth/me',
  'POST /auth/login',
  'POST /auth/logout',
  'GET /setup',
  'POST /setup',
]);
/**
 * Writes on one's own behalf, not on a unit: any signed-in user may make them (their own password,
 * their own notifications read; notifications.test.ts shows nobody marks another's).
 */
const SELF = new Set([
  'POST /auth/password',
  'POST /notifications/{id}/read',
  'POST /notifications/read-all',
]);

const hashOf = (db: Db) => createHash('sha256').update(db.$client.serialize()).digest('hex');
/** The open half-year every case writes into (the demo's reports are approved). */
const OPEN = '2026-01-01';

const demo = demoServerPerTest({
  today: () => '2026-03-01',
  users: ['admin', 'lanhdao', 'nhap.phuhai', 'duyet.phanthiet', 'qt.tuyphong', 'ql.tuyphong'],
  prepare: ({ db }) => {
    const find = demoLookups(db);
    // An open period with a value in Phú Thủy.
    const open =
      db
        .select()
        .from(schema.periods)
        .where(and(eq(schema.periods.kind, 'half'), eq(schema.periods.startDate, OPEN)))
        .get()?.id ??
      db
        .insert(schema.periods)
        .values({ kind: 'half', startDate: OPEN, endDate: '2026-06-30', deadline: '2026-07-10' })
        .returning()
        .get().id;
    recordResult(db, {
      unitId: find.unit('22924'),
      indicatorId: find.indicator('THOATNGHEO'),
      periodId: open,
      value: 3,
    });
    // The right kinds of role, on another district: Tuy Phong.
    for (const [username, role] of [
      ['qt.tuyphong', 'admin'],
      ['ql.tuyphong', 'manager'],
    ] as const) {
      createUser(db, {
        username,
        displayName: username,
        passwordHash: hashPasswordSync(DEMO_PASSWORD),
        roles: [{ role, unitId: find.unit('595') }],
      });
    }
  },
});

/** The ids the cases use, read from this test's copy. */
function idsOf() {
  const find = demo.find;
  const entryUser = find.user('nhap.phuthuy');
  const entryRole = demo.db
    .select()
    .from(schema.roleAssignments)
    .where(eq(schema.roleAssignments.userId, entryUser))
    .get()?.id;
  if (entryRole === undefined) throw new Error('nhap.phuthuy has no role in the demo.');
  return {
    province: demo.provinceId,
    phanThiet: find.unit('593'),
    tuyPhong: find.unit('595'),
    phuThuy: find.unit('22924'),
    term: demo.termId,
    poverty: find.indicator('THOATNGHEO'),
    target: find.target('CT1'),
    entryUser,
    entryRole,
    open: find.period(OPEN),
  };
}

/** Every route of the API, as its own document lists them. */
async function routesOf() {
  const doc = (await demo.as('admin').get<OpenApiPaths>('/api/openapi.json')).body;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

interface Case {
  /** The path with its parameters filled in (and a query if needed). */
  path: string;
  body?: unknown;
  /** A raw body instead of JSON, with its content type. */
  raw?: { type: string; bytes: Uint8Array };
  /** A user with the right kind of role, outside the unit concerned. */
  outside: string;
}

const TERM = {
  code: 'NK-X',
  name: 'Nhiệm kỳ thử',
  shortName: 'Thử',
  startDate: '2027-01-01',
  midTermDate: '2029-06-30',
  endDate: '2031-12-31',
};
const INDICATOR = {
  code: 'CS-X',
  name: 'Chỉ số thử',
  measurementUnit: 'hộ',
  measureType: 'cumulative',
  decimals: 0,
  frequency: 'half',
  ratioOverTime: 'sum',
};

/** A valid request for each write route, so that only the rights can refuse it. */
async function cases(): Promise<Record<string, () => Case>> {
  const ids = idsOf();
  // Values read (as the admin) that a valid request needs: versions of what it would change.
  const admin = demo.as('admin');
  const units = (await admin.get<AdminUnits>('/api/admin/units')).body.units;
  const phuThuyVersion = units.find((u) => u.id === ids.phuThuy)?.version;
  const indicator = (await admin.get<Indicators>('/api/admin/indicators')).body[0];
  const setup = (await admin.get<TermSetup>(`/api/admin/terms/${ids.term}`)).body;
  const allocations = (
    await admin.get<Allocations>(`/api/admin/targets/${ids.target}/allocations?parentUnitId=${ids.province}`)
  ).body;
  const report = (await admin.get<Report>(`/api/terms/${ids.term}/reports/mid_term`)).body;
  const target = setup.targets.find((t) => t.id === ids.target);
  if (!indicator || !target || !phuThuyVersion) throw new Error('The demo lacks what the cases change.');
  const targetBody = {
    code: 'CT-X',
    wording: 'Chỉ tiêu thử',
    shortName: 'Thử',
    primaryIndicatorId: target.primaryIndicatorId,
    direction: 'at_least',
    counted: true,
  };
  const { termId: _t, kind: _k, stored: _s, ...settings } = report.settings;
  const form = () => {
    const boundary = 'ranh-gioi';
    const text = `--${boundary}\r\nContent-Disposition: form-data; name="effectiveDate"\r\n\r\n2026-07-01\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="map.csv"\r\nContent-Type: text/csv\r\n\r\nnew_code,new_name,new_parent_code,old_code,old_name,kind\r\n--${boundary}--\r\n`;
    return { type: `multipart/form-data; boundary=${boundary}`, bytes: new TextEncoder().encode(text) };
  };
  const result = { unitId: ids.phuThuy, indicatorId: ids.poverty, periodId: ids.open };
  return {
    'PUT /results': () => ({
      path: '/results',
      body: { ...result, value: '12', expectedVersion: 1 },
      outside: 'nhap.phuhai',
    }),
    'DELETE /results': () => ({
      path: '/results',
      body: { ...result, expectedVersion: 1 },
      outside: 'nhap.phuhai',
    }),
    'POST /submissions/{unitId}/{periodId}/{action}': () => ({
      path: `/submissions/${ids.phuThuy}/${ids.open}/submit`,
      body: {},
      outside: 'nhap.phuhai',
    }),
    'POST /entry/import/preview': () => ({
      path: `/entry/import/preview?termId=${ids.term}&unitId=${ids.phuThuy}&periodId=${ids.open}`,
      raw: { type: 'application/octet-stream', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
      outside: 'nhap.phuhai',
    }),
    'POST /entry/import/apply': () => ({
      path: `/entry/import/apply?termId=${ids.term}&unitId=${ids.phuThuy}&periodId=${ids.open}`,
      raw: { type: 'application/octet-stream', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
      outside: 'nhap.phuhai',
    }),
    'PUT /terms/{termId}/reports/{kind}': () => ({
      path: `/terms/${ids.term}/reports/mid_term`,
      body: { ...settings, title: 'Đổi tên' },
      outside: 'ql.tuyphong',
    }),
    'POST /terms/{termId}/reports/{kind}/issue': () => ({
      path: `/terms/${ids.term}/reports/mid_term/issue?unitId=${ids.province}`,
      outside: 'ql.tuyphong',
    }),
    'POST /admin/units': () => ({
      path: '/admin/units',
      body: { code: 'X1', name: 'Xã thử', type: 'Xã', parentId: ids.phanThiet },
      outside: 'qt.tuyphong',
    }),
    'PATCH /admin/units/{id}': () => ({
      path: `/admin/units/${ids.phuThuy}`,
      body: { version: phuThuyVersion, name: 'Đổi tên' },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/units/{id}/move': () => ({
      path: `/admin/units/${ids.phuThuy}/move`,
      body: { version: phuThuyVersion, parentId: ids.tuyPhong },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/units/{id}/close': () => ({
      path: `/admin/units/${ids.phuThuy}/close`,
      body: { version: phuThuyVersion, date: '2026-06-01' },
      outside: 'qt.tuyphong',
    }),
    // The date the whole tree starts from is the root admin's, not a district admin's.
    'PUT /admin/units/start': () => ({
      path: '/admin/units/start',
      body: { validFrom: '2021-01-01' },
      outside: 'qt.tuyphong',
    }),
    // Admins of any unit import under their own subtree; only other roles are refused.
    'POST /admin/units/import/apply': () => ({
      path: '/admin/units/import/apply',
      raw: {
        type: 'text/csv',
        bytes: new TextEncoder().encode(
          'code,name,type,parent_code\n60,Tỉnh Bình Thuận,Tỉnh,\nX2,Xã thử,Xã,593\n',
        ),
      },
      outside: 'nhap.phuhai',
    }),
    'POST /admin/units/import/preview': () => ({
      path: '/admin/units/import/preview',
      raw: {
        type: 'text/csv',
        bytes: new TextEncoder().encode(
          'code,name,type,parent_code\n60,Tỉnh Bình Thuận,Tỉnh,\nX2,Xã thử,Xã,593\n',
        ),
      },
      outside: 'nhap.phuhai',
    }),
    'PUT /admin/settings': () => ({
      path: '/admin/settings',
      body: { separationOfDuties: false },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/users': () => ({
      path: '/admin/users',
      body: {
        username: 'moi.x',
        displayName: 'X',
        password: 'mat-khau-rat-dai-1',
        roles: [{ role: 'viewer', unitId: ids.phanThiet }],
      },
      outside: 'qt.tuyphong',
    }),
    'PATCH /admin/users/{id}': () => ({
      path: `/admin/users/${ids.entryUser}`,
      body: { active: false },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/users/{id}/roles': () => ({
      path: `/admin/users/${ids.entryUser}/roles`,
      body: { role: 'viewer', unitId: ids.phuThuy },
      outside: 'qt.tuyphong',
    }),
    'DELETE /admin/users/{id}/roles/{roleId}': () => ({
      path: `/admin/users/${ids.entryUser}/roles/${ids.entryRole}`,
      outside: 'qt.tuyphong',
    }),
    'POST /admin/users/{id}/password': () => ({
      path: `/admin/users/${ids.entryUser}/password`,
      body: { password: 'mat-khau-rat-dai-2' },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/indicators': () => ({ path: '/admin/indicators', body: INDICATOR, outside: 'qt.tuyphong' }),
    'PUT /admin/indicators/{indicatorId}': () => ({
      path: `/admin/indicators/${indicator.id}`,
      body: { ...INDICATOR, expectedVersion: indicator.version },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/terms': () => ({ path: '/admin/terms', body: TERM, outside: 'qt.tuyphong' }),
    'PUT /admin/terms/{termId}': () => ({
      path: `/admin/terms/${ids.term}`,
      body: { ...TERM, expectedVersion: setup.term.version },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/terms/{termId}/periods': () => ({
      path: `/admin/terms/${ids.term}/periods`,
      body: { kinds: ['quarter'] },
      outside: 'qt.tuyphong',
    }),
    'PUT /admin/periods/{periodId}': () => ({
      path: `/admin/periods/${setup.periods[0]?.id}`,
      body: { deadline: '2030-01-10', expectedVersion: setup.periods[0]?.version },
      outside: 'qt.tuyphong',
    }),
    'POST /admin/terms/{termId}/copy': () => ({
      path: `/admin/terms/${ids.term}/copy`,
      body: TERM,
      outside: 'qt.tuyphong',
    }),
    'POST /admin/terms/{termId}/targets': () => ({
      path: `/admin/terms/${ids.term}/targets`,
      body: targetBody,
      outside: 'ql.tuyphong',
    }),
    'PUT /admin/targets/{targetId}': () => ({
      path: `/admin/targets/${ids.target}`,
      body: { ...targetBody, expectedVersion: target.version },
      outside: 'ql.tuyphong',
    }),
    'PUT /admin/targets/{targetId}/allocations': () => ({
      path: `/admin/targets/${ids.target}/allocations`,
      body: {
        parentUnitId: ids.province,
        expectedVersion: allocations.version,
        allocations: [],
      },
      outside: 'ql.tuyphong',
    }),
    'POST /reorganisations/preview': () => ({
      path: '/reorganisations/preview',
      raw: form(),
      outside: 'qt.tuyphong',
    }),
    'POST /reorganisations': () => ({ path: '/reorganisations', raw: form(), outside: 'qt.tuyphong' }),
  };
}

async function send(method: string, c: Case, headers: Record<string, string>) {
  const init: RequestInit = { method, headers };
  if (c.raw) {
    init.headers = { ...headers, 'content-type': c.raw.type };
    init.body = new Uint8Array(c.raw.bytes);
  } else if (c.body !== undefined) {
    init.headers = { ...headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(c.body);
  }
  const res = await fetch(`${demo.url}/api${c.path}`, init);
  return { status: res.status, body: await res.text() };
}

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
/** The message of a refusal's envelope, read from the answer's text. */
const refusalMessage = (text: string) => {
  const refusal: Partial<z.infer<typeof ErrorSchema>> = JSON.parse(text);
  return refusal.error?.message;
};

describe('security matrix of every route in /api/openapi.json', () => {
  it('the document lists the routes (a sanity check of the generator)', async () => {
    const routes = await routesOf();
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.map(key)).toContain('PUT /results');
  });

  it('every write route has a case', async () => {
    const routes = await routesOf();
    const all = await cases();
    const writes = routes.filter((r) => isWrite(r.method) && !PUBLIC.has(key(r)) && !SELF.has(key(r)));
    expect(
      writes
        .map(key)
        .filter((k) => !(k in all))
        .sort(),
    ).toEqual([]);
  });

  it('without a session, every private route answers 401 and changes nothing', async () => {
    const routes = await routesOf();
    const before = hashOf(demo.db);
    const answers: string[] = [];
    for (const r of routes.filter((r) => !PUBLIC.has(key(r)))) {
      const path = r.path.replace(/\{[^}]+\}/g, '1');
      const res = await fetch(`${demo.url}/api${path}`, { method: r.method, headers: { origin: demo.url } });
      if (res.status !== 401) answers.push(`${key(r)} → ${res.status}`);
    }
    expect(answers).toEqual([]);
    expect(hashOf(demo.db)).toBe(before);
  });

  it('every write by a viewer (wrong role) or by the right role outside the unit → 403, database unchanged', async () => {
    const routes = await routesOf();
    const all = await cases();
    const wrong: string[] = [];
    for (const r of routes.filter((r) => isWrite(r.method))) {
      const make = all[key(r)];
      if (!make) continue;
      const c = make();
      for (const user of ['lanhdao', c.outside]) {
        const before = hashOf(demo.db);
        const { status, body } = await send(r.method, c, demo.headers(user));
        if (status !== 403) wrong.push(`${key(r)} as ${user} → ${status} ${body.slice(0, 160)}`);
        else if (!refusalMessage(body)) wrong.push(`${key(r)} as ${user}: no message`);
        if (hashOf(demo.db) !== before) wrong.push(`${key(r)} as ${user} changed the database`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('the same requests are accepted from someone allowed (the cases are real requests)', async () => {
    const all = await cases();
    // Two samples that would write: proof the bodies pass validation and only rights refused them.
    const admin = demo.headers('admin');
    const sample = (route: string) => {
      const make = all[route];
      if (!make) throw new Error(`No case for ${route}.`);
      return make();
    };
    expect((await send('POST', sample('POST /admin/units'), admin)).status).toBe(200);
    expect((await send('POST', sample('POST /admin/indicators'), admin)).status).toBe(201);
  });
});
