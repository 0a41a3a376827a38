/**
 * The security matrix: every write route × every demo role × a unit inside / outside the user's
 * subtree. Each case runs on its own copy of the demo; a refusal must leave the data unchanged.
 */
import { type Db, DEMO_ACCOUNTS, recordResult, setSubmissionState } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoServerPerTest } from '../testing.ts';

const demo = demoServerPerTest({ users: DEMO_ACCOUNTS.map(([username]) => username) });
/** The demo's ids this matrix uses, read from the test's copy. */
const ids = () => ({
  phuThuy: demo.find.unit('22924'), // in Phan Thiết: inside the Phan Thiết approver's and Phú Thủy entry's subtrees
  lienHuong: demo.find.unit('22969'), // in Tuy Phong: outside both
  period: demo.find.period('2024-07-01'),
  poverty: demo.find.indicator('THOATNGHEO'),
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
  const { poverty, period } = ids();
  recordResult(db, { unitId, indicatorId: poverty, periodId: period, value: 3 });
  const state = route === 'submit' || route === 'clear' ? 'draft' : 'submitted';
  setSubmissionState(db, { unitId, periodId: period, state });
}

function fingerprint(db: Db) {
  return db.get(sql`SELECT
    (SELECT COUNT(*) FROM results) AS results,
    (SELECT group_concat(state || version) FROM submissions WHERE period_id = ${ids().period}) AS states,
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
    const { phuThuy, lienHuong, period, poverty } = ids();
    const db = demo.db;
    const unitId = place === 'inside' ? phuThuy : lienHuong;
    prepare(db, route, unitId);
    const client = demo.as(username);
    const before = fingerprint(db);
    const key = { unitId, indicatorId: poverty, periodId: period };
    const res =
      route === 'save'
        ? await client.put('/api/results', { ...key, value: '12', expectedVersion: null })
        : route === 'clear'
          ? await client.delete('/api/results', { ...key, expectedVersion: 1 })
          : await client.post(`/api/submissions/${unitId}/${period}/${route}`, {
              comment: 'Kiểm tra lại số hộ.',
            });
    expect(res.status).toBe(expected);
    if (expected === 403) {
      expect(res.error?.message).toMatch(/quyền/);
      expect(fingerprint(db)).toEqual(before);
    } else {
      expect(fingerprint(db)).not.toEqual(before);
    }
  });

  it('without a session every write is 401 and changes nothing', async () => {
    const { phuThuy, period, poverty } = ids();
    const before = fingerprint(demo.db);
    const res = await demo.anonymous().put('/api/results', {
      unitId: phuThuy,
      indicatorId: poverty,
      periodId: period,
      value: '1',
      expectedVersion: null,
    });
    expect(res.status).toBe(401);
    expect(fingerprint(demo.db)).toEqual(before);
  });
});
