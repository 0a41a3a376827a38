/**
 * The security matrix: every write route × every demo role × a unit inside / outside the user's
 * subtree. Each case runs on its own copy of the demo; a refusal must leave the data unchanged.
 */
import { type Db, DEMO_ACCOUNTS, recordResult, schema, setSubmissionState } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let seeded: ReturnType<typeof demoDatabase>;
let ids: { phuThuy: number; lienHuong: number; period: number; poverty: number };

beforeAll(() => {
  seeded = demoDatabase();
  const unit = (code: string) =>
    seeded.db
      .select()
      .from(schema.units)
      .all()
      .find((u) => u.code === code)?.id as number;
  ids = {
    phuThuy: unit('22924'), // in Phan Thiết: inside the Phan Thiết approver's and Phú Thủy entry's subtrees
    lienHuong: unit('22969'), // in Tuy Phong: outside both
    period: seeded.db
      .select()
      .from(schema.periods)
      .all()
      .find((p) => p.startDate === '2024-07-01')?.id as number,
    poverty: seeded.db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'THOATNGHEO')?.id as number,
  };
});

type Route = 'save' | 'clear' | 'submit' | 'approve' | 'return';
type Place = 'inside' | 'outside';

/** Who may do what: the expected outcome for each role on each route, inside their subtree. */
const ALLOWED: Record<Route, string[]> = {
  save: ['admin', 'nhap.phuthuy'],
  clear: ['admin', 'nhap.phuthuy'],
  submit: ['admin', 'nhap.phuthuy'],
  approve: ['admin', 'duyet.tinh', 'duyet.phanthiet'],
  return: ['admin', 'duyet.tinh', 'duyet.phanthiet'],
};
/** Province-wide roles reach Liên Hương too. */
const PROVINCE_WIDE = new Set(['admin', 'duyet.tinh']);

function prepare(db: Db, route: Route, unitId: number) {
  if (route === 'save') return;
  recordResult(db, { unitId, indicatorId: ids.poverty, periodId: ids.period, value: 3 });
  const state = route === 'submit' || route === 'clear' ? 'draft' : 'submitted';
  setSubmissionState(db, { unitId, periodId: ids.period, state });
}

function fingerprint(db: Db) {
  return db.get(sql`SELECT
    (SELECT COUNT(*) FROM results) AS results,
    (SELECT group_concat(state || version) FROM submissions WHERE period_id = ${ids.period}) AS states,
    (SELECT COUNT(*) FROM audit_events) AS audit,
    (SELECT value FROM app_meta WHERE key = 'revision') AS revision,
    (SELECT SUM(value) FROM rollups) AS rollups`);
}

const cases = (['save', 'clear', 'submit', 'approve', 'return'] as const).flatMap((route) =>
  DEMO_ACCOUNTS.flatMap(([username]) =>
    (['inside', 'outside'] as const).map((place): [Route, string, Place, number] => {
      const allowed =
        ALLOWED[route].includes(username) && (place === 'inside' || PROVINCE_WIDE.has(username));
      return [route, username, place, allowed ? 200 : 403];
    }),
  ),
);

describe('security matrix', () => {
  it.each(cases)('%s by %s %s their subtree → %d', async (route, username, place, expected) => {
    const db = cloneDatabase(seeded.db);
    const unitId = place === 'inside' ? ids.phuThuy : ids.lienHuong;
    prepare(db, route, unitId);
    const server = await startTestServer(db);
    try {
      const headers = { ...(await loginAs(server.url, username)), 'content-type': 'application/json' };
      const before = fingerprint(db);
      const res =
        route === 'save'
          ? await fetch(`${server.url}/api/results`, {
              method: 'PUT',
              headers,
              body: JSON.stringify({
                unitId,
                indicatorId: ids.poverty,
                periodId: ids.period,
                value: '12',
                expectedVersion: null,
              }),
            })
          : route === 'clear'
            ? await fetch(`${server.url}/api/results`, {
                method: 'DELETE',
                headers,
                body: JSON.stringify({
                  unitId,
                  indicatorId: ids.poverty,
                  periodId: ids.period,
                  expectedVersion: 1,
                }),
              })
            : await fetch(`${server.url}/api/submissions/${unitId}/${ids.period}/${route}`, {
                method: 'POST',
                headers,
                body: JSON.stringify({ comment: 'Kiểm tra lại số hộ.' }),
              });
      expect(res.status).toBe(expected);
      const body = (await res.json()) as { error?: { message: string } };
      if (expected === 403) {
        expect(body.error?.message).toMatch(/quyền/);
        expect(fingerprint(db)).toEqual(before);
      } else {
        expect(fingerprint(db)).not.toEqual(before);
      }
    } finally {
      await server.close();
    }
  });

  it('without a session every write is 401 and changes nothing', async () => {
    const db = cloneDatabase(seeded.db);
    const server = await startTestServer(db);
    try {
      const before = fingerprint(db);
      const res = await fetch(`${server.url}/api/results`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({
          unitId: ids.phuThuy,
          indicatorId: ids.poverty,
          periodId: ids.period,
          value: '1',
          expectedVersion: null,
        }),
      });
      expect(res.status).toBe(401);
      expect(fingerprint(db)).toEqual(before);
    } finally {
      await server.close();
    }
  });
});
