import { describe, expect, it } from 'vitest';
import { backupName, backupTime } from './backup.ts';
import { backupDueAtStart, nextNightlyBackup } from './schedule.ts';

describe('when the server backs up', () => {
  it.each([
    // UTC instants; 02:00 in Vietnam is 19:00 UTC the day before.
    ['2026-11-29T10:00:00Z', '2026-11-29T19:00:00.000Z'],
    ['2026-11-29T18:59:59Z', '2026-11-29T19:00:00.000Z'],
    ['2026-11-29T19:00:00Z', '2026-11-30T19:00:00.000Z'],
    ['2026-11-29T20:00:00Z', '2026-11-30T19:00:00.000Z'],
    ['2026-12-31T23:30:00Z', '2027-01-01T19:00:00.000Z'],
  ])('after %s the next nightly backup is at %s', (now, next) => {
    expect(nextNightlyBackup(new Date(now)).toISOString()).toBe(next);
  });

  it('at start-up only when there is no backup or the newest is older than a day', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(backupDueAtStart(null, now)).toBe(true);
    expect(backupDueAtStart(new Date('2026-11-28T09:59:00Z'), now)).toBe(true);
    expect(backupDueAtStart(new Date('2026-11-28T10:01:00Z'), now)).toBe(false);
  });

  it('names a backup by its time in Vietnam, and reads the time back', () => {
    const at = new Date('2026-11-29T19:00:05Z');
    expect(backupName(at)).toBe('chitieu-20261130-020005.db');
    expect(backupTime(backupName(at))?.toISOString()).toBe(at.toISOString());
    expect(backupTime('chitieu-20261130-020005-2.db')?.toISOString()).toBe(at.toISOString());
    expect(backupTime('chitieu.db')).toBeNull();
    expect(backupTime('.chitieu-20261130-020005.db.partial')).toBeNull();
  });
});
