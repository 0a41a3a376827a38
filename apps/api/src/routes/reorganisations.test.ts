import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

const DATA = join(import.meta.dirname, '../../../../packages/db/src/seed/data');
const MAP_2024 = readFileSync(join(DATA, 'merges-2024.csv'));
const MAP_2025 = readFileSync(join(DATA, 'merges-2025.csv'));
const HEADER = 'new_code,new_name,new_parent_code,old_code,old_name,merge_type\n';

let db: Db;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Record<string, string>;

beforeAll(async () => {
  db = cloneDatabase(demoDatabase().db);
  server = await startTestServer(db, { today: () => '2025-08-01' });
  admin = await loginAs(server.url, 'admin');
});
afterAll(() => server.close());

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

async function post(path: string, body: FormData, headers = admin) {
  const res = await fetch(`${server.url}/api${path}`, { method: 'POST', headers, body });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      error?: { message: string; details?: { problems?: { message: string }[] } };
    },
  };
}

const counts = () =>
  [
    'units',
    'placements',
    'structure_versions',
    'unit_successions',
    'rollups',
    'role_assignments',
    'audit_events',
  ].map((t) => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ${sql.raw(t)}`)?.n);

describe('reorganisation API', () => {
  it('refuses non-admins and anonymous users, changing nothing', async () => {
    const before = counts();
    const viewer = await loginAs(server.url, 'lanhdao');
    expect((await post('/reorganisations', form(MAP_2024, '2024-12-01'), viewer)).status).toBe(403);
    const approver = await loginAs(server.url, 'duyet.tinh');
    expect((await post('/reorganisations/preview', form(MAP_2024, '2024-12-01'), approver)).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/reorganisations`, {
      method: 'POST',
      headers: { origin: server.url },
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
    const res = await post('/reorganisations', body);
    expect(res.status).toBe(400);
    const text = [
      res.body.error?.message,
      ...(res.body.error?.details?.problems ?? []).map((p) => p.message),
    ].join(' ');
    expect(text).toMatch(reason);
    expect(counts()).toEqual(before);
  });

  it('previews without writing, applies, and treats the same map again as a no-op', async () => {
    const before = counts();
    const preview = await post('/reorganisations/preview', form(MAP_2024, '2024-12-01'));
    expect(preview.status).toBe(200);
    expect((preview.body.closes as unknown[]).length).toBe(5);
    expect(counts()).toEqual(before);

    const applied = await post('/reorganisations', form(MAP_2024, '2024-12-01'));
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    const audit = db.get<{
      n: number;
    }>(sql`SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'reorganisation'
      AND user_id = (SELECT id FROM users WHERE username = 'admin')`);
    expect(audit?.n).toBe(1);

    const after = counts();
    // A non-admin gets 403 before anything about the file is said.
    const viewer = await loginAs(server.url, 'lanhdao');
    expect((await post('/reorganisations/preview', form('', '2024-12-01'), viewer)).status).toBe(403);
    const again = await post('/reorganisations', form(MAP_2024, '2024-12-01'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ applied: false, structureVersionId: applied.body.structureVersionId });
    expect(counts()).toEqual(after);

    // 2025 needs a name for the new province, and takes the designation of a partial unit.
    const unnamed = await post('/reorganisations', form(MAP_2025, '2025-07-01'));
    expect(unnamed.status).toBe(400);
    expect(counts()).toEqual(after);
    const y2025 = await post(
      '/reorganisations',
      form(MAP_2025, '2025-07-01', {
        parentNames: JSON.stringify({ '68': 'Tỉnh Lâm Đồng' }),
        designations: JSON.stringify({ '22978': '22978' }),
      }),
    );
    expect(y2025.status).toBe(200);
    const partial = (
      y2025.body.plan as { partials: { oldCode: string; designated: string; defaulted: boolean }[] }
    ).partials;
    expect(partial.find((p) => p.oldCode === '22978')).toMatchObject({
      designated: '22978',
      defaulted: false,
    });

    // The dashboard in the new structure, by default, opens at the new province.
    const dash = await fetch(
      `${server.url}/api/terms/1/dashboard?asOf=2025-07-01&structureVersionId=${y2025.body.structureVersionId}`,
      {
        headers: admin,
      },
    );
    expect(dash.status).toBe(200);
    const body = (await dash.json()) as { scope: { unit: { code: string } } };
    expect(body.scope.unit.code).toBe('68');

    // Applying onto a structure other than the one previewed: 409, nothing written.
    const stale = await post('/reorganisations', form(MAP_2024, '2026-01-01', { previousVersionId: '1' }));
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toMatch(/xem trước lại/);

    // A different map touching closed units is refused with the reason.
    const changed = await post('/reorganisations', form(MAP_2024, '2025-09-01'));
    expect(changed.status).toBe(400);
    expect(JSON.stringify(changed.body)).toMatch(/đã giải thể/);
  });
});
