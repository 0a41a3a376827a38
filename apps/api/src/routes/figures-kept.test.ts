/**
 * Leaders' figures are computed once per data revision and kept as response bytes
 * (lib/figure-memo.ts). What that must never change: a save is seen by the next read; each reader
 * gets the view of their own role scope; a refusal stays a refusal.
 */
import { bumpRevision, createUser, hashPasswordSync, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let demo: ReturnType<typeof demoDatabase>;

beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db, { today: () => '2026-11-29' });
});
afterAll(() => server.close());

const unitByCode = (code: string) =>
  demo.db
    .select()
    .from(schema.units)
    .all()
    .find((u) => u.code === code)?.id as number;

async function read(headers: Record<string, string>, path: string) {
  const res = await fetch(`${server.url}/api/terms/${demo.termId}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Dashboard = {
  scope: { unit: { name: string } };
  targets: { code: string; figure: { value: number | null } }[];
};
const ct2 = (body: Record<string, unknown>) =>
  (body as Dashboard).targets.find((t) => t.code === 'CT2')?.figure.value;

describe('figures kept per data revision', () => {
  it('a save through the API is in the very next read', async () => {
    const leader = await loginAs(server.url, 'lanhdao');
    // The province's approver corrects an approved value (with a reason): the leaders' figure moves.
    const approver = { ...(await loginAs(server.url, 'duyet.tinh')), 'content-type': 'application/json' };
    const before = ct2((await read(leader, '/dashboard')).body) as number;
    expect(ct2((await read(leader, '/dashboard')).body)).toBe(before);

    const periods = (await (
      await fetch(`${server.url}/api/terms/${demo.termId}/periods`, { headers: leader })
    ).json()) as { id: number; startDate: string }[];
    const periodId = periods.find((p) => p.startDate === '2024-01-01')?.id;
    const indicatorId = demo.db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'THOATNGHEO')?.id;
    const unitId = unitByCode('22924');
    const current = demo.db
      .select()
      .from(schema.results)
      .where(
        and(
          eq(schema.results.unitId, unitId),
          eq(schema.results.indicatorId, indicatorId as number),
          eq(schema.results.periodId, periodId as number),
        ),
      )
      .get();
    const saved = await fetch(`${server.url}/api/results`, {
      method: 'PUT',
      headers: approver,
      body: JSON.stringify({
        unitId,
        indicatorId,
        periodId,
        value: String((current?.value ?? 0) + 5),
        expectedVersion: current?.version ?? null,
        reason: 'Sửa theo biên bản kiểm tra',
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(ct2((await read(leader, '/dashboard')).body)).toBe(before + 5);
  });

  it('is recomputed only when the revision changes (a write behind the app’s back must bump it)', async () => {
    const leader = await loginAs(server.url, 'lanhdao');
    const unitName = async () => ((await read(leader, '/dashboard')).body as Dashboard).scope.unit.name;
    expect(await unitName()).toBe('Tỉnh Bình Thuận');
    // A change that does not bump the revision is not seen (the contract every write path keeps)…
    demo.db.$client.exec("UPDATE units SET name = name || ' (đổi tên)' WHERE code = '60'");
    try {
      expect(await unitName()).toBe('Tỉnh Bình Thuận');
      // …and is seen as soon as the revision moves.
      bumpRevision(demo.db);
      expect(await unitName()).toBe('Tỉnh Bình Thuận (đổi tên)');
    } finally {
      demo.db.$client.exec("UPDATE units SET name = 'Tỉnh Bình Thuận' WHERE code = '60'");
      bumpRevision(demo.db);
    }
    expect(await unitName()).toBe('Tỉnh Bình Thuận');
  });

  it('each reader gets their own scope’s view, and a refusal stays a refusal', async () => {
    const province = await loginAs(server.url, 'lanhdao');
    const district = await loginAs(server.url, 'xem.phanthiet');
    // The same request, without a unit: each opens at their own unit.
    for (let round = 0; round < 2; round++) {
      expect(((await read(province, '/dashboard')).body as Dashboard).scope.unit.name).toBe(
        'Tỉnh Bình Thuận',
      );
      expect(((await read(district, '/dashboard')).body as Dashboard).scope.unit.name).toBe(
        'Thành phố Phan Thiết',
      );
    }
    // The province's view, kept for the province's leader, is still refused to Phan Thiết's.
    const path = `/dashboard?unitId=${unitByCode('60')}`;
    expect((await read(province, path)).status).toBe(200);
    expect((await read(district, path)).status).toBe(403);
    const target = (await read(province, '')).body as { targets: { id: number; code: string }[] };
    const ct3 = target.targets.find((t) => t.code === 'CT3')?.id;
    expect((await read(district, `/targets/${ct3}/breakdown?unitId=${unitByCode('60')}`)).status).toBe(403);
    // Signed out: refused, whatever is kept.
    expect((await read({}, path)).status).toBe(401);
    // A leader with the same roles but still on a temporary password: refused too.
    createUser(demo.db, {
      username: 'lanhdao.moi',
      displayName: 'Lãnh đạo mới',
      passwordHash: hashPasswordSync('mat-khau-tam-thoi'),
      mustChangePassword: true,
      roles: [{ role: 'viewer', unitId: unitByCode('60') }],
    });
    const newcomer = await loginAs(server.url, 'lanhdao.moi', 'mat-khau-tam-thoi');
    expect((await read(newcomer, path)).status).toBe(403);
    expect((await read(newcomer, '/dashboard')).status).toBe(403);
  });
});
