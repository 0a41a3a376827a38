import { compareVietnamese } from '@chitieu/core';
import type { Cockpit } from '../cockpit/api/get-cockpit.ts';

/** A report sent for approval, as the inbox lists it. */
export interface PendingReport {
  unitId: number;
  unitName: string;
  parentName: string | null;
  periodId: number;
  /** When it was sent (ISO instant). */
  since: string;
  /** Figures outside the plausibility rule (each explained by a note, or it could not be sent). */
  flagged: number;
}

/** The reports of a subtree waiting for approval, the longest waiting first. */
export function pendingReports(cockpit: Cockpit | undefined): PendingReport[] {
  if (!cockpit) return [];
  const pending: PendingReport[] = [];
  for (const unit of cockpit.units) {
    for (const report of unit.states) {
      if (report.state !== 'submitted' || report.since === null) continue;
      pending.push({
        unitId: unit.id,
        unitName: unit.name,
        parentName: unit.parentName,
        periodId: report.periodId,
        since: report.since,
        flagged: report.flagged,
      });
    }
  }
  return pending.sort((a, b) => a.since.localeCompare(b.since) || compareVietnamese(a.unitName, b.unitName));
}
