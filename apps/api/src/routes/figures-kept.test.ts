/**
 * Leaders' figures are computed once per data revision and kept as response bytes
 * (lib/figure-memo.ts). What that must never change: a save is seen by the next read; each reader
 * gets the view of their own role scope; a refusal stays a refusal.
 */
import { bumpRevision, createUser, hashPasswordSync, schema } from '@chitieu/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { SaveResultResponse } from '../schemas/entry.ts';
import type { DashboardSchema } from '../schemas/figures.ts';
import { type Answer, type Api, api, demoServerPerTest, loginAs, type Routes } from '../testing.ts';

const demo = demoServerPerTest({
  today: () => '2026-11-29',
  users: ['lanhdao', 'duyet.tinh', 'xem.phanthiet'],
});

type Dashboard = z.infer<typeof DashboardSchema>;
type TermDefinition = Answer<Routes['terms'][':termId']['$get']>;

/** A view of the demo's term, read by `reader`. */
const read = <T = Dashboard>(reader: Api, path: string) => reader.get<T>(`/api/terms/${demo.termId}${path}`);
const ct2 = (body: Dashboard) => body.targets.find((t) => t.code === 'CT2')?.figure.value;

describe('figures kept per data revision', () => {
  it('a save through the API is in the very next read', async () => {
    const leader = demo.as('lanhdao');
    // The province's approver corrects an approved value (with a reason): the leaders' figure moves.
    const approver = demo.as('duyet.tinh');
    const before = ct2((await read(leader, '/dashboard')).body) ?? Number.NaN;
    expect(before).toBeGreaterThan(0);
    expect(ct2((await read(leader, '/dashboard')).body)).toBe(before);

    const periodId = demo.find.period('2024-01-01');
    const indicatorId = demo.find.indicator('THOATNGHEO');
    const unitId = demo.find.unit('22924');
    const current = demo.db
      .select()
      .from(schema.results)
      .where(
        and(
          eq(schema.results.unitId, unitId),
          eq(schema.results.indicatorId, indicatorId),
          eq(schema.results.periodId, periodId),
        ),
      )
      .get();
    const saved = await approver.put<z.infer<typeof SaveResultResponse>>('/api/results', {
      unitId,
      indicatorId,
      periodId,
      value: String((current?.value ?? 0) + 5),
      expectedVersion: current?.version ?? null,
      reason: 'Sửa theo biên bản kiểm tra',
    });
    expect(saved.status, saved.error?.message).toBe(200);
    expect(ct2((await read(leader, '/dashboard')).body)).toBe(before + 5);
  });

  it('is recomputed only when the revision changes (a write behind the app’s back must bump it)', async () => {
    const leader = demo.as('lanhdao');
    const unitName = async () => (await read(leader, '/dashboard')).body.scope.unit.name;
    expect(await unitName()).toBe('Tỉnh Bình Thuận');
    // A change that does not bump the revision is not seen (the contract every write path keeps)…
    demo.db.$client.exec("UPDATE units SET name = name || ' (đổi tên)' WHERE code = '60'");
    expect(await unitName()).toBe('Tỉnh Bình Thuận');
    // …and is seen as soon as the revision moves.
    bumpRevision(demo.db);
    expect(await unitName()).toBe('Tỉnh Bình Thuận (đổi tên)');
  });

  it('each reader gets their own scope’s view, and a refusal stays a refusal', async () => {
    const province = demo.as('lanhdao');
    const district = demo.as('xem.phanthiet');
    // The same request, without a unit: each opens at their own unit.
    for (let round = 0; round < 2; round++) {
      expect((await read(province, '/dashboard')).body.scope.unit.name).toBe('Tỉnh Bình Thuận');
      expect((await read(district, '/dashboard')).body.scope.unit.name).toBe('Thành phố Phan Thiết');
    }
    // The province's view, kept for the province's leader, is still refused to Phan Thiết's.
    const path = `/dashboard?unitId=${demo.find.unit('60')}`;
    expect((await read(province, path)).status).toBe(200);
    expect((await read(district, path)).status).toBe(403);
    const term = (await read<TermDefinition>(province, '')).body;
    const ct3 = term.targets.find((t) => t.code === 'CT3')?.id;
    expect((await read(district, `/targets/${ct3}/breakdown?unitId=${demo.find.unit('60')}`)).status).toBe(
      403,
    );
    // Signed out: refused, whatever is kept.
    expect((await read(demo.anonymous(), path)).status).toBe(401);
    // A leader with the same roles but still on a temporary password: refused too.
    createUser(demo.db, {
      username: 'lanhdao.moi',
      displayName: 'Lãnh đạo mới',
      passwordHash: hashPasswordSync('mat-khau-tam-thoi'),
      mustChangePassword: true,
      roles: [{ role: 'viewer', unitId: demo.find.unit('60') }],
    });
    const newcomer = api(demo.url, await loginAs(demo.url, 'lanhdao.moi', 'mat-khau-tam-thoi'));
    expect((await read(newcomer, path)).status).toBe(403);
    expect((await read(newcomer, '/dashboard')).status).toBe(403);
  });
});
