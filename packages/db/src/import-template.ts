/**
 * The rows of an Excel fill-in template for data entry: every reporting unit and indicator of the
 * period, with the stored figure and the previous period's beside it.
 */
import { type EntryTemplateInput, formatDate, periodName } from '@chitieu/core';
import { type Actor, authorize } from './access.ts';
import type { DbOrTx } from './client.ts';
import {
  applies,
  type ImportKey,
  type Period,
  periodsBefore,
  reportingUnits,
  resultsOf,
  termIndicators,
  termUnitPeriod,
} from './import-scope.ts';

/** '6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024)'. */
export function periodLabel(p: Pick<Period, 'kind' | 'startDate' | 'endDate'>): string {
  return `${periodName(p)} (${formatDate(p.startDate)} – ${formatDate(p.endDate)})`;
}

/** The rows of the fill-in template for a unit and period (the caller must be allowed to read the unit). */
export function entryTemplate(db: DbOrTx, actor: Actor, input: ImportKey): EntryTemplateInput {
  const { term, unit, period } = termUnitPeriod(db, input);
  authorize(db, actor, 'read', unit.id);
  const units = reportingUnits(db, unit.id, period);
  const indicators = termIndicators(db, term.id, period.kind);
  const { previous } = periodsBefore(db, period);
  const results = resultsOf(
    db,
    units.map((u) => u.id),
    previous ? [period.id, previous.id] : [period.id],
  );
  const rows: EntryTemplateInput['rows'] = [];
  for (const u of units) {
    for (const { targetCode, indicator } of indicators) {
      if (!applies(indicator, u)) continue;
      const current = results.get(`${u.id}:${indicator.id}:${period.id}`);
      const before = previous ? results.get(`${u.id}:${indicator.id}:${previous.id}`) : undefined;
      rows.push({
        unit: { code: u.code, name: u.name },
        targetCode,
        indicator,
        current: current ?? null,
        previous: before ?? null,
      });
    }
  }
  return {
    term: { id: term.id, name: term.name },
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: {
      id: period.id,
      name: periodName(period),
      label: periodLabel(period),
      deadline: period.deadline,
    },
    rows,
  };
}
