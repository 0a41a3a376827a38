/** The periods of a term, the ones a unit reports in: the entry page's choice, the cockpit's columns. */
import { and, asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { getTerm } from '../lookups.ts';
import * as s from '../schema.ts';

/** Term periods a unit reports in, oldest first. */
export function termPeriods(db: DbOrTx, termId: number) {
  const term = getTerm(db, termId);
  return db
    .select()
    .from(s.periods)
    .where(and(sql`${s.periods.endDate} > ${term.startDate}`, sql`${s.periods.startDate} < ${term.endDate}`))
    .orderBy(asc(s.periods.startDate), asc(s.periods.kind))
    .all();
}
