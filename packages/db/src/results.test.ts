import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordResult } from './results.ts';
import { getRevision } from './revision.ts';
import { freshDatabase, makeIndicator, makePeriods, makeTree } from './testing.ts';

function setup(measureType: 'cumulative' | 'ratio' | 'units_meeting' = 'cumulative') {
  const db = freshDatabase();
  const { ids } = makeTree(db, [-1, 0]);
  const indicator = makeIndicator(db, { measureType });
  const [period] = makePeriods(db, 1);
  return { db, key: { unitId: ids[1] as number, indicatorId: indicator.id, periodId: period?.id as number } };
}
const count = (db: ReturnType<typeof freshDatabase>, table: string) =>
  db.get<{ n: number }>(sql.raw(`SELECT COUNT(*) AS n FROM ${table}`))?.n;

describe('recordResult', () => {
  it('writes the value, an audit event and a new revision together, and bumps the version', () => {
    const { db, key } = setup();
    const start = getRevision(db);
    const first = recordResult(db, { ...key, value: 5, expectedVersion: null });
    const second = recordResult(db, { ...key, value: 8, expectedVersion: first.version, reason: 'sửa' });
    expect([first.version, second.version, second.value]).toEqual([1, 2, 8]);
    expect(count(db, 'audit_events')).toBe(2);
    expect(getRevision(db)).toBe(start + 2);
  });

  it('refuses a save based on a stale version with a conflict, changing nothing', () => {
    const { db, key } = setup();
    recordResult(db, { ...key, value: 5, expectedVersion: null });
    expect(() => recordResult(db, { ...key, value: 6, expectedVersion: null })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(db.get<{ value: number }>(sql`SELECT value FROM results`)?.value).toBe(5);
    expect(count(db, 'audit_events')).toBe(1);
  });

  it.each([
    ['cumulative', { value: -1 }],
    ['cumulative', {}],
    ['ratio', { numerator: 5, denominator: 4 }],
    ['ratio', { numerator: 5 }],
    ['units_meeting', { value: 1 }],
  ] as const)('refuses a %s result %o, changing nothing', (type, fields) => {
    const { db, key } = setup(type);
    const start = getRevision(db);
    expect(() => recordResult(db, { ...key, ...fields })).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
    expect([count(db, 'results'), count(db, 'audit_events'), getRevision(db)]).toEqual([0, 0, start]);
  });
});
