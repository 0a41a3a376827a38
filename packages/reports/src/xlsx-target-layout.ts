/**
 * Where each target's sheet puts its figures, known before any sheet is written: the summary comes
 * first in the workbook and refers to them by formula.
 */
import type { ReportData } from '@chitieu/db';
import { isFlow, ownFigureValue } from './report-appendix.ts';
import { letter } from './xlsx-numbers.ts';
import { RAW_SHEET, SUMMARY_SHEET } from './xlsx-sheet.ts';

type Target = ReportData['targets'][number];

/** A target sheet: header on row 4, its units from row 5. */
export const TARGET_HEADER_ROW = 4;

/** Where the summary finds a target's figures: its sheet, the total row, and the columns it needs. */
export interface TargetSheetRefs {
  sheet: string;
  totalRow: number;
  /** Column letters of the goal, the result, and (units meeting) the meeting and expected counts. */
  goal: string;
  result: string;
  meeting: string | null;
  expected: string | null;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(code: string, used: Set<string>): string {
  let name = code.replace(/[:\\/?*[\]]/g, '-').slice(0, 28) || 'CT';
  if (name === SUMMARY_SHEET || name === RAW_SHEET) name = `${name} (CT)`;
  let unique = name;
  for (let i = 2; used.has(unique.toLowerCase()); i++) unique = `${name} ${i}`;
  used.add(unique.toLowerCase());
  return unique;
}

/** The scope's own activity on a target's sheet: the flows' totals beyond the units listed (null: none). */
export function ownActivity(t: Target, rows: ReportData['breakdowns'][number]['rows']) {
  const result =
    rows.length > 0 && isFlow(t.indicator.measureType)
      ? ownFigureValue(
          t.figure.value,
          rows.map((x) => x.figure.value),
        )
      : null;
  const related = t.related.map((x) => {
    const total = t.relatedFigures.find((f) => f.indicator.id === x.id)?.figure.value ?? null;
    return rows.length > 0 && isFlow(x.measureType)
      ? ownFigureValue(
          total,
          rows.map((row) => row.relatedFigures.find((f) => f.indicator.id === x.id)?.figure.value ?? null),
        )
      : null;
  });
  return result === null && related.every((v) => v === null) ? null : { result, related };
}

export const breakdownOf = (data: ReportData, t: Target) =>
  data.breakdowns.find((b) => b.targetId === t.id)?.rows ?? [];

/**
 * Where a target's sheet will put its figures, known before it is written: the summary comes first
 * in the workbook and refers to them.
 */
export function targetSheetLayout(data: ReportData, t: Target, used: Set<string>): TargetSheetRefs {
  const rows = breakdownOf(data, t);
  const own = ownActivity(t, rows) ? 1 : 0;
  const first = 8 + t.related.length;
  const meeting = t.indicator.measureType === 'units_meeting';
  return {
    sheet: sheetName(t.code, used),
    totalRow: TARGET_HEADER_ROW + 1 + rows.length + own,
    goal: 'D',
    result: 'E',
    meeting: meeting ? letter(first) : null,
    expected: meeting ? letter(first + 2) : null,
  };
}
