/**
 * Judging a filled Excel template row by row by the same rules as the entry grid (checkEntry, the
 * report's workflow state, the user's rights): what would change, what is unchanged, and every
 * problem with its cell. Reading the file is @chitieu/reports' job (it knows exceljs); this module
 * only sees cell text.
 */
import {
  checkEntry,
  type EntryField,
  type EntryInput,
  editActionFor,
  formatInteger,
  formatMoney,
  formatRatioPercent,
  formatScaled,
  invalid,
  periodName,
  type ResultFields,
  type ResultFlag,
  type SheetCell,
  type SubmissionState,
  textProblem,
} from '@chitieu/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, authorize, can } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { flagThresholds } from './entry/flags.ts';
import type { IndicatorInfo } from './figures/targets.ts';
import {
  applies,
  type ImportInput,
  type ImportKey,
  type Period,
  periodsBefore,
  reportingUnits,
  resultsOf,
  termIndicators,
  termUnitPeriod,
} from './import-scope.ts';
import * as s from './schema.ts';
import { inTransaction } from './statements.ts';

/**
 * Checked before a byte of the file is read: importing writes, so it takes the right to enter the
 * file's unit (an entry clerk's or an admin's), not just to read it — a viewer's upload costs nothing.
 */
export function authorizeImport(db: DbOrTx, actor: Actor, input: ImportKey): void {
  const { unit } = termUnitPeriod(db, input);
  authorize(db, actor, 'enter', unit.id);
}

export interface ImportProblem {
  sheet: string;
  /** 'H7' */
  cell: string;
  row: number;
  message: string;
}

export interface ImportChange {
  row: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  /** Stored figure (scaled integers), null when nothing is stored yet. */
  before: ResultFields | null;
  after: ResultFields;
  /** The same figures as people read them: '3.000 hộ', '11,54 tỷ đồng', '12/15 (80,0%)', 'Có'. */
  beforeText: string | null;
  afterText: string;
  note: string | null;
  evidenceUrl: string | null;
  warnings: { code: string; message: string }[];
  /** The plausibility flag the save will store (docs/decisions/0025), or null. */
  flag: ResultFlag | null;
}

export interface ImportPreview {
  changes: ImportChange[];
  /** Rows whose figure, note and link equal what is stored (or that are empty with nothing stored). */
  unchanged: number;
  problems: ImportProblem[];
}

/** Which cell of the row holds each checkEntry field. */
const FIELD_CELL: Record<EntryField, AnswerCell> = {
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  meets: 'meets',
};
const ANSWER_CELLS = ['value', 'numerator', 'denominator', 'meets'] as const;
type AnswerCell = (typeof ANSWER_CELLS)[number];
const COLUMN_NAMES: Record<AnswerCell, string> = {
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  meets: 'Đạt (Có/Không)',
};

function answerCells(type: IndicatorInfo['measureType']): AnswerCell[] {
  if (type === 'ratio') return ['numerator', 'denominator'];
  if (type === 'units_meeting') return ['meets'];
  return ['value'];
}

/** Figures as people read them, for the preview. */
export function figureText(indicator: IndicatorInfo, f: ResultFields): string {
  switch (indicator.measureType) {
    case 'units_meeting':
      return f.meets ? 'Có' : 'Không';
    case 'ratio': {
      const [n, d] = [f.numerator ?? 0, f.denominator ?? 0];
      return `${formatInteger(n)}/${formatInteger(d)} (${formatRatioPercent(n, d, indicator.decimals)})`;
    }
    case 'amount':
      return formatMoney(f.value ?? 0);
    default:
      return `${formatScaled(f.value ?? 0, indicator.decimals)} ${indicator.measurementUnit}`;
  }
}

const sameFigure = (a: ResultFields, b: ResultFields) =>
  a.value === b.value &&
  a.numerator === b.numerator &&
  a.denominator === b.denominator &&
  a.meets === b.meets;

/** Read an uploaded template against the database: what would change, what is unchanged, every problem with its cell. */
export function previewImport(db: Db, actor: Actor, input: ImportInput): ImportPreview {
  return inTransaction(db, (tx) => planImport(tx, actor, input).preview);
}

export function planImport(
  db: DbOrTx,
  actor: Actor,
  input: ImportInput,
): { preview: ImportPreview; states: Map<number, SubmissionState> } {
  const { term, unit, period } = termUnitPeriod(db, input);
  // Reading the unit is the least an uploader needs; a file for a unit they cannot see is refused whole.
  authorize(db, actor, 'read', unit.id);
  checkMeta(db, input, { term, unit, period });

  const units = reportingUnits(db, unit.id, period);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const indicators = termIndicators(db, term.id, period.kind);
  const indicatorByCode = new Map(indicators.map((i) => [i.indicator.code, i.indicator]));
  const unitIds = units.map((u) => u.id);
  const { previous, sameLastYear } = periodsBefore(db, period);
  const results = resultsOf(
    db,
    unitIds,
    [period, previous, sameLastYear].filter((p) => p !== null).map((p) => p.id),
  );
  const states = new Map<number, SubmissionState>(
    db
      .select({ unitId: s.submissions.unitId, state: s.submissions.state })
      .from(s.submissions)
      .where(and(eq(s.submissions.periodId, period.id), inArray(s.submissions.unitId, unitIds)))
      .all()
      .map((r) => [r.unitId, r.state]),
  );
  // Allocations as saveEntry reads them: the latest target whose primary indicator this is.
  const allocations = new Map<string, number>();
  for (const a of db.all<{ unitId: number; indicatorId: number; goal: number }>(sql`
    SELECT a.unit_id AS unitId, t.primary_indicator_id AS indicatorId, a.goal FROM target_allocations a
    JOIN targets t ON t.id = a.target_id ORDER BY t.id`)) {
    allocations.set(`${a.unitId}:${a.indicatorId}`, a.goal);
  }
  // Each indicator's plausibility thresholds, as saveEntry reads them.
  const thresholds = flagThresholds(db);
  const mayEnter = new Map<number, boolean>();
  const canEnter = (unitId: number) => {
    if (!mayEnter.has(unitId)) mayEnter.set(unitId, can(db, actor, 'enter', unitId));
    return mayEnter.get(unitId) as boolean;
  };

  const sheet = input.workbook.sheet;
  const problems: ImportProblem[] = [];
  const changes: ImportChange[] = [];
  let unchanged = 0;
  const seen = new Map<string, number>();

  for (const r of input.workbook.rows) {
    const before = problems.length;
    const problem = (cell: SheetCell, message: string) =>
      problems.push({ sheet, cell: cell.address, row: r.row, message });

    const code = r.unitCode.text;
    const rowUnit = code ? unitByCode.get(code) : undefined;
    if (!code) problem(r.unitCode, 'Thiếu mã đơn vị.');
    else if (!rowUnit) problem(r.unitCode, unknownUnit(db, code, unit.name));
    const indicatorCode = r.indicatorCode.text;
    const indicator = indicatorCode ? indicatorByCode.get(indicatorCode) : undefined;
    if (!indicatorCode) problem(r.indicatorCode, 'Thiếu mã chỉ số.');
    else if (!indicator) {
      problem(
        r.indicatorCode,
        `Mã chỉ số “${indicatorCode}” không có trong các chỉ tiêu của nhiệm kỳ cho kỳ này.`,
      );
    }
    if (!rowUnit || !indicator) continue;

    const key = `${rowUnit.id}:${indicator.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(
        r.unitCode,
        `Trùng với dòng ${first}: cùng đơn vị “${rowUnit.name}” và chỉ số ${indicator.code}.`,
      );
      continue;
    }
    seen.set(key, r.row);
    if (!applies(indicator, rowUnit)) {
      problem(
        r.indicatorCode,
        `Chỉ cơ sở Hội tự đánh giá chỉ số ${indicator.code}; “${rowUnit.name}” không nhập.`,
      );
      continue;
    }

    const used = answerCells(indicator.measureType);
    for (const k of ANSWER_CELLS) {
      const cell = r[k];
      if (used.includes(k)) {
        if (cell.problem) problem(cell, cell.problem);
      } else if (cell.text !== null || cell.problem) {
        const where = used.map((u) => `“${COLUMN_NAMES[u]}”`).join(' và ');
        problem(cell, `Chỉ số ${indicator.code} nhập ở cột ${where}; để trống cột “${COLUMN_NAMES[k]}”.`);
      }
    }
    for (const cell of [r.note, r.evidenceUrl]) if (cell.problem) problem(cell, cell.problem);
    if (problems.length > before) continue;

    const stored = results.get(`${rowUnit.id}:${indicator.id}:${period.id}`) ?? null;
    const note = r.note.text;
    const evidenceUrl = r.evidenceUrl.text;
    if (used.every((k) => !r[k].text?.trim())) {
      if (stored) {
        problem(
          r[used[0] ?? 'value'],
          `Không xoá được số liệu đã lưu (${figureText(indicator, stored)}) bằng tệp. Hãy nhập lại giá trị, hoặc sửa trên bảng nhập liệu.`,
        );
      } else if (note || evidenceUrl) {
        problem(r[used[0] ?? 'value'], 'Có ghi chú hoặc minh chứng nhưng chưa nhập số liệu.');
      } else {
        unchanged++;
      }
      continue;
    }

    const entry: EntryInput = {
      value: r.value.text,
      numerator: r.numerator.text,
      denominator: r.denominator.text,
      meets: r.meets.flag,
    };
    const past = (p: Period | null) =>
      p ? (results.get(`${rowUnit.id}:${indicator.id}:${p.id}`)?.value ?? null) : null;
    const check = checkEntry({ ...indicator, ...thresholds.get(indicator.id) }, entry, {
      previous: past(previous),
      sameLastYear: past(sameLastYear),
      allocation: allocations.get(`${rowUnit.id}:${indicator.id}`) ?? null,
    });
    for (const e of check.errors) problem(r[FIELD_CELL[e.field]], e.message);
    if (note && note.length > 2000) problem(r.note, 'Ghi chú dài quá 2000 ký tự.');
    const badNote = note ? textProblem('Ghi chú', note, { multiline: true }) : null;
    if (badNote) problem(r.note, badNote);
    if (evidenceUrl && !isWebAddress(evidenceUrl)) {
      problem(r.evidenceUrl, 'Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).');
    }
    if (!check.fields || problems.length > before) continue;

    if (
      stored &&
      sameFigure(stored, check.fields) &&
      stored.note === note &&
      stored.evidenceUrl === evidenceUrl
    ) {
      unchanged++;
      continue;
    }
    // Only rows that change something need the right to change it: a district's file may carry
    // its communes' approved figures untouched.
    const answer = r[used[0] ?? 'value'];
    const state = states.get(rowUnit.id) ?? null;
    const action = editActionFor(state);
    if (action !== 'enter') {
      problem(
        answer,
        state === 'submitted'
          ? `Báo cáo kỳ này của “${rowUnit.name}” đang chờ duyệt: cần được trả lại trước khi sửa.`
          : `Báo cáo kỳ này của “${rowUnit.name}” đã được duyệt: số liệu đã duyệt chỉ sửa trên bảng nhập liệu, kèm lý do.`,
      );
      continue;
    }
    if (!canEnter(rowUnit.id)) {
      problem(answer, `Bạn không có quyền nhập số liệu cho “${rowUnit.name}”.`);
      continue;
    }
    changes.push({
      row: r.row,
      unitId: rowUnit.id,
      unitCode: rowUnit.code,
      unitName: rowUnit.name,
      indicatorId: indicator.id,
      indicatorCode: indicator.code,
      indicatorName: indicator.name,
      before: stored
        ? {
            value: stored.value,
            numerator: stored.numerator,
            denominator: stored.denominator,
            meets: stored.meets,
          }
        : null,
      after: check.fields,
      beforeText: stored ? figureText(indicator, stored) : null,
      afterText: figureText(indicator, check.fields),
      note,
      evidenceUrl,
      warnings: check.warnings.map(({ code, message }) => ({ code, message })),
      flag: check.flag,
    });
  }
  return { preview: { changes, unchanged, problems }, states };
}

/** Refuse a file made for another term, unit or period, naming both. */
function checkMeta(db: DbOrTx, input: ImportInput, expected: ReturnType<typeof termUnitPeriod>) {
  const meta = input.workbook.meta;
  if (meta.termId === input.termId && meta.unitId === input.unitId && meta.periodId === input.periodId)
    return;
  const unit = db.select().from(s.units).where(eq(s.units.id, meta.unitId)).get();
  const period = db.select().from(s.periods).where(eq(s.periods.id, meta.periodId)).get();
  const term = db.select().from(s.terms).where(eq(s.terms.id, meta.termId)).get();
  const describe = (u: string, p: string, t: string) =>
    `${u}, ${p}${meta.termId !== input.termId ? `, ${t}` : ''}`;
  const file = describe(
    unit?.name ?? `đơn vị #${meta.unitId}`,
    period ? periodName(period) : `kỳ #${meta.periodId}`,
    term?.shortName ?? `nhiệm kỳ #${meta.termId}`,
  );
  const wanted = describe(expected.unit.name, periodName(expected.period), expected.term.shortName);
  throw invalid(
    `Tệp này là biểu mẫu của ${file}, không phải của ${wanted} đang nhập. Hãy tải đúng biểu mẫu rồi nhập lại.`,
    { file: meta, expected: { termId: input.termId, unitId: input.unitId, periodId: input.periodId } },
  );
}

function unknownUnit(db: DbOrTx, code: string, scopeName: string): string {
  const other = db.select().from(s.units).where(eq(s.units.code, code)).get();
  return other
    ? `Đơn vị “${other.name}” (mã ${code}) không thuộc biểu mẫu của “${scopeName}”: không nhập được ở đây.`
    : `Không có đơn vị mã “${code}”.`;
}

function isWebAddress(text: string): boolean {
  if (text.length > 1000) return false;
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
