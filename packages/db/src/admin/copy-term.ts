/** Starting the next term from this one (docs/decisions/0011). */
import type { PeriodKind } from '@chitieu/core';
import { eq } from 'drizzle-orm';
import { type Actor, authorize } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { getTerm } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import { audit, indicatorRow, insertPeriods } from './shared.ts';
import { type TermSetup, termSetup } from './targets.ts';
import { createTerm, type TermInput } from './terms.ts';

/**
 * Start the next term from this one: a new term with its own dates and periods, and this term's
 * targets copied as a draft to edit (same indicators, so history carries across terms; no results,
 * no allocations and no yearly plans, which belong to the old term's units and years).
 */
export function copyTerm(db: DbOrTx, actor: Actor, sourceTermId: number, input: TermInput): TermSetup {
  return inTransaction(db, (tx) => {
    const source = getTerm(tx, sourceTermId);
    authorize(tx, actor, 'administer', source.ownerUnitId);
    const term = createTerm(tx, actor, { ...input, ownerUnitId: input.ownerUnitId ?? source.ownerUnitId });
    const targets = tx.select().from(s.targets).where(eq(s.targets.termId, sourceTermId)).all();
    const frequencies = new Set<PeriodKind>();
    for (const t of targets) {
      const { id: oldId, termId: _, ...fields } = t;
      const copy = tx
        .insert(s.targets)
        .values({ ...fields, termId: term.id })
        .returning()
        .get();
      const related = tx
        .select()
        .from(s.targetRelatedIndicators)
        .where(eq(s.targetRelatedIndicators.targetId, oldId))
        .all();
      for (const r of related)
        tx.insert(s.targetRelatedIndicators)
          .values({ ...r, targetId: copy.id })
          .run();
      for (const id of [t.primaryIndicatorId, ...related.map((r) => r.indicatorId)]) {
        frequencies.add(indicatorRow(tx, id).frequency);
      }
      audit(tx, actor, {
        entity: 'target',
        entityId: copy.id,
        unitId: term.ownerUnitId,
        action: 'copy',
        before: { termId: sourceTermId, targetId: oldId },
        after: copy,
      });
    }
    insertPeriods(tx, actor, term, frequencies);
    bumpRevision(tx);
    return termSetup(tx, actor, term.id);
  });
}
