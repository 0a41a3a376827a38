/** A unit's stored report row for a term and kind, if it has one (read by the settings and by issuing). */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import * as s from '../schema.ts';
import type { ReportKind } from './definitions.ts';

export function findReport(db: DbOrTx, termId: number, kind: ReportKind, unitId: number) {
  return db
    .select()
    .from(s.reports)
    .where(and(eq(s.reports.termId, termId), eq(s.reports.kind, kind), eq(s.reports.unitId, unitId)))
    .get();
}
