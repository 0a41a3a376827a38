/**
 * Applying a filled Excel template all or nothing: judged as the preview judges it, then every
 * change written in one transaction through recordResult, which keeps the audit trail, roll-ups and
 * data revision.
 */
import { invalid } from '@chitieu/core';
import type { Actor } from './access.ts';
import type { Db } from './client.ts';
import { planImport } from './import-preview.ts';
import type { ImportInput } from './import-scope.ts';
import { recordResult } from './results.ts';
import * as s from './schema.ts';
import { inTransaction } from './statements.ts';

/** The audit trail's reason on every value written by an import. */
export const IMPORT_REASON = 'Nhập từ tệp Excel';

export interface ImportResult {
  applied: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Units whose report for the period was started (draft) by this import. */
  reportsStarted: number;
}

/**
 * The same reading, then all changes written in one transaction through recordResult (audit,
 * roll-ups, revision), or nothing at all: any problem is a 400 listing every problem.
 */
export function applyImport(db: Db, actor: Actor, input: ImportInput): ImportResult {
  return inTransaction(db, (tx) => {
    const plan = planImport(tx, actor, input);
    const { changes, problems, unchanged } = plan.preview;
    if (problems.length > 0) {
      throw invalid(`Tệp có ${problems.length} lỗi, chưa ghi số liệu nào. Hãy sửa rồi tải lên lại.`, {
        problems,
      });
    }
    let created = 0;
    for (const change of changes) {
      if (!change.before) created++;
      recordResult(tx, {
        unitId: change.unitId,
        indicatorId: change.indicatorId,
        periodId: input.periodId,
        ...change.after,
        note: change.note,
        evidenceUrl: change.evidenceUrl,
        flag: change.flag,
        userId: actor.id,
        reason: IMPORT_REASON,
      });
    }
    // Like a save in the grid, the first value of a unit's period opens its report as a draft.
    const started = [...new Set(changes.map((c) => c.unitId))].filter((id) => !plan.states.has(id));
    for (let i = 0; i < started.length; i += 1000) {
      tx.insert(s.submissions)
        .values(
          started.slice(i, i + 1000).map((unitId) => ({
            unitId,
            periodId: input.periodId,
            state: 'draft' as const,
            updatedBy: actor.id,
          })),
        )
        .run();
    }
    return {
      applied: changes.length,
      created,
      updated: changes.length - created,
      unchanged,
      reportsStarted: started.length,
    };
  });
}
