import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DashboardSchema } from '../schemas/figures.ts';
import { type Answer, demoServerPerTest, type Reply, type Routes, replyOf } from '../testing.ts';
import type { ReorganisationPlanSchema } from './reorganisations.ts';

const DATA = join(import.meta.dirname, '../../../../packages/db/src/seed/data');
const MAP_2024 = readFileSync(join(DATA, 'merges-2024.csv'));
const MAP_2025 = readFileSync(join(DATA, 'merges-2025.csv'));
const HEADER = 'new_code,new_name,new_parent_code,old_code,old_name,merge_type\n';

type Plan = z.infer<typeof ReorganisationPlanSchema>;
type Applied = Answer<Routes['reorganisations']['$post']>;
/** A refused map lists its problems in the error's details. */
type Refused = { problems?: { message: string }[] };

const demo = demoServerPerTest({ today: () => '2025-08-01', users: ['admin', 'lanhdao', 'duyet.tinh'] });

function form(
  map: Uint8Array | string,
  effectiveDate: string | undefined,
  extra: Record<string, string> = {},
) {
  const body = new FormData();
  body.set('file', new Blob([typeof map === 'string' ? map : new Uint8Array(map)]), 'map.csv');
  if (effectiveDate !== undefined) body.set('effectiveDate', effectiveDate);
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  return body;
}

/** Send a map as the reorganisation page does (a multipart form), as the admin unless told. */
async function post<T>(path: string, body: FormData, user = 'admin'): Promise<Reply<T>> {
  const res = await fetch(`${demo.url}/api${path}`, { method: 'POST', headers: demo.headers(user), body });
  return replyOf<T>(res);
}
const apply = (body: FormData, user?: string) => post<Applied>('/reorganisations', body, user);
const preview = (body: FormData, user?: string) => post<Plan>('/reorganisations/preview', body, user);

/** Steps a test stands on, each checked as it is taken. */
async function step(reply: Promise<Reply<unknown>>) {
  const { status, error } = await reply;
  expect(error).toBeUndefined();
  expect(status).toBe(200);
}
/** The demo's 2024 merges applied (effective 01/12/2024). */
const merged2024 = () => step(apply(form(MAP_2024, '2024-12-01')));
/** Then 2025's, under the new province's name. */
const merged2025 = () =>
  step(apply(form(MAP_2025, '2025-07-01', { parentNames: JSON.stringify({ '68': 'Tỉnh Lâm Đồng' }) })));

const counts = () =>
  [
    'units',
    'placements',
    'structure_versions',
    'unit_successions',
    'rollups',
    'role_assignments',
    'audit_events',
  ].map((t) => demo.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ${sql.raw(t)}`)?.n);

describe('reorganisation API', () => {
  it('refuses non-admins and anonymous users, changing nothing', async () => {
    const before = counts();
    expect((await apply(form(MAP_2024, '2024-12-01'), 'lanhdao')).status).toBe(403);
    expect((await preview(form(MAP_2024, '2024-12-01'), 'duyet.tinh')).status).toBe(403);
    const anonymous = await fetch(`${demo.url}/api/reorganisations`, {
      method: 'POST',
      headers: { origin: demo.url },
      body: form(MAP_2024, '2024-12-01'),
    });
    expect(anonymous.status).toBe(401);
    expect(counts()).toEqual(before);
  });

  it.each([
    ['no date', form(MAP_2024, undefined), /effectiveDate/],
    ['bad date', form(MAP_2024, '01/12/2024'), /YYYY-MM-DD/],
    ['impossible date', form(MAP_2024, '2024-02-30'), /Ngày hiệu lực/],
    ['empty file', form('', '2024-12-01'), /Tệp rỗng/],
    ['wrong columns', form('code,name,type,parent_code\n60,Tỉnh,Tỉnh,\n', '2024-12-01'), /Dòng tiêu đề/],
    [
      'UTF-16',
      form(new Uint8Array([0xff, 0xfe, ...Buffer.from(MAP_2024.toString(), 'utf16le')]), '2024-12-01'),
      /UTF-16/,
    ],
    ['unknown old code', form(`${HEADER}22945,Phường Lạc Đạo,593,99999,X,full\n`, '2024-12-01'), /99999/],
    [
      'two full successors',
      form(`${HEADER}22945,A,593,22942,B,full\n22951,C,593,22942,B,full\n`, '2024-12-01'),
      /“full”/,
    ],
    ['designations not JSON', form(MAP_2024, '2024-12-01', { designations: '{oops' }), /designations/],
  ])('refuses %s with a 400 and a reason, changing nothing', async (_name, body, reason) => {
    const before = counts();
    const res = await apply(body);
    expect(res.status).toBe(400);
    const problems = (res.error?.details as Refused | undefined)?.problems ?? [];
    const text = [res.error?.message, ...problems.map((p) => p.message)].join(' ');
    expect(text).toMatch(reason);
    expect(counts()).toEqual(before);
  });

  it('previews without writing, applies, and treats the same map again as a no-op', async () => {
    const before = counts();
    const previewed = await preview(form(MAP_2024, '2024-12-01'));
    expect(previewed.status).toBe(200);
    expect(previewed.body.closes.length).toBe(5);
    expect(counts()).toEqual(before);

    const applied = await apply(form(MAP_2024, '2024-12-01'));
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    const audit = demo.db.get<{
      n: number;
    }>(sql`SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'reorganisation'
      AND user_id = (SELECT id FROM users WHERE username = 'admin')`);
    expect(audit?.n).toBe(1);

    const after = counts();
    // A non-admin gets 403 before anything about the file is said.
    expect((await preview(form('', '2024-12-01'), 'lanhdao')).status).toBe(403);
    const again = await apply(form(MAP_2024, '2024-12-01'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ applied: false, structureVersionId: applied.body.structureVersionId });
    expect(counts()).toEqual(after);
  });

  it('2025 needs a name for the new province, takes the designation of a partial unit, and opens there', async () => {
    await merged2024();
    const after = counts();
    const unnamed = await apply(form(MAP_2025, '2025-07-01'));
    expect(unnamed.status).toBe(400);
    expect(counts()).toEqual(after);
    const y2025 = await apply(
      form(MAP_2025, '2025-07-01', {
        parentNames: JSON.stringify({ '68': 'Tỉnh Lâm Đồng' }),
        designations: JSON.stringify({ '22978': '22978' }),
      }),
    );
    expect(y2025.status).toBe(200);
    expect(y2025.body.plan.partials.find((p) => p.oldCode === '22978')).toMatchObject({
      designated: '22978',
      defaulted: false,
    });

    // The dashboard in the new structure, by default, opens at the new province.
    const dash = await demo
      .as('admin')
      .get<z.infer<typeof DashboardSchema>>(
        `/api/terms/${demo.termId}/dashboard?asOf=2025-07-01&structureVersionId=${y2025.body.structureVersionId}`,
      );
    expect(dash.status).toBe(200);
    expect(dash.body.scope.unit.code).toBe('68');
  });

  it('refuses to apply onto a structure other than the one previewed (409)', async () => {
    await merged2024();
    await merged2025();
    const stale = await apply(
      form(MAP_2024, '2026-01-01', { previousVersionId: String(demo.structureVersionId) }),
    );
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toMatch(/xem trước lại/);
  });

  it('refuses a different map touching closed units, with the reason', async () => {
    await merged2024();
    await merged2025();
    const changed = await apply(form(MAP_2024, '2025-09-01'));
    expect(changed.status).toBe(400);
    expect(JSON.stringify(changed.error)).toMatch(/đã giải thể/);
  });
});
