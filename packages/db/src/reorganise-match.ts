/**
 * Phase 1 of planning a reorganisation (docs/decisions/0031): match the map's old codes to the
 * units open in the current structure. Pure: it reads only what it is given.
 */
import { formatDate } from '@chitieu/core';
import type { MapProblem, MergeRow } from './reorganise-map.ts';
import type { UnitInfo } from './reorganise-types.ts';

export interface Matched {
  /** Units open in the current structure. */
  open: UnitInfo[];
  openByCode: Map<string, UnitInfo>;
  /** Old code → the open unit the map closes. */
  closing: Map<string, UnitInfo>;
  problems: MapProblem[];
  warnings: MapProblem[];
}

/**
 * Units are matched by code among the open units, never by name: a name that differs is only a
 * warning. An old code that matches nothing is a problem, saying when it closed if it did
 * (`closedByCode`).
 */
export function matchUnits(
  units: UnitInfo[],
  rows: MergeRow[],
  date: string,
  closedByCode: Map<string, { name: string; validTo: string }>,
): Matched {
  const problems: MapProblem[] = [];
  const warnings: MapProblem[] = [];
  const open = units.filter((u) => u.validTo === null);
  const openByCode = new Map<string, UnitInfo>();
  for (const u of open) openByCode.set(u.code, u);
  const closing = new Map<string, UnitInfo>();
  for (const code of new Set(rows.map((r) => r.oldCode))) {
    const line = rows.find((r) => r.oldCode === code)?.line;
    const unit = openByCode.get(code);
    if (unit) {
      if (unit.validFrom >= date) {
        problems.push({
          line,
          code,
          message: `Dòng ${line}: đơn vị mã ${code} bắt đầu từ ${formatDate(unit.validFrom)}, sau ngày hiệu lực.`,
        });
      }
      closing.set(code, unit);
      continue;
    }
    const closed = closedByCode.get(code);
    problems.push({
      line,
      code,
      message: closed
        ? `Dòng ${line}: đơn vị mã ${code} (${closed.name}) đã giải thể từ ngày ${formatDate(closed.validTo)}.`
        : `Dòng ${line}: không có đơn vị đang hoạt động mang mã ${code}.`,
    });
  }
  for (const r of rows) {
    const unit = closing.get(r.oldCode);
    if (unit && r.oldName && unit.name !== r.oldName) {
      warnings.push({
        line: r.line,
        code: r.oldCode,
        message: `Dòng ${r.line}: mã ${r.oldCode} là “${unit.name}” (tệp ghi “${r.oldName}”); khớp theo mã.`,
      });
    }
  }
  return { open, openByCode, closing, problems, warnings };
}
