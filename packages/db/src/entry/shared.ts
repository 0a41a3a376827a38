/** What the grid, the save and the workflow all look up: earlier periods, user names, a closed unit. */
import { todayInVietnam } from '@chitieu/core';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { PERIOD_COLUMNS, type PeriodRow } from '../lookups.ts';
import * as s from '../schema.ts';
import { stmt } from '../statements.ts';

/** The period just before, and the same period a year before, of the same kind (for history checks). */
export function earlierPeriods(db: DbOrTx, period: PeriodRow) {
  const previous = stmt<PeriodRow>(
    db,
    `SELECT ${PERIOD_COLUMNS} FROM periods WHERE kind = ? AND start_date < ? ORDER BY start_date DESC LIMIT 1`,
  ).get(period.kind, period.startDate);
  const lastYearStart = `${Number(period.startDate.slice(0, 4)) - 1}${period.startDate.slice(4)}`;
  const sameLastYear = stmt<PeriodRow>(
    db,
    `SELECT ${PERIOD_COLUMNS} FROM periods WHERE kind = ? AND start_date = ?`,
  ).get(period.kind, lastYearStart);
  return { previous: previous ?? null, sameLastYear: sameLastYear ?? null };
}

export const userNames = (db: DbOrTx, ids: (number | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  return new Map(
    db
      .select({ id: s.users.id, name: s.users.displayName })
      .from(s.users)
      .where(inArray(s.users.id, wanted))
      .all()
      .map((u) => [u.id, u.name]),
  );
};

/** A unit that has ended (merged, split, dissolved): its past periods are corrected by approvers only. */
export const isClosed = (unit: { validTo: string | null }) =>
  unit.validTo !== null && unit.validTo <= todayInVietnam();
