/**
 * Excel in and out for data entry: the rows of a fill-in template, and importing a filled one.
 * An import is judged row by row by the same rules as the entry grid (checkEntry, the report's
 * workflow state, the user's rights) and then applied all or nothing in one transaction through
 * recordResult, which keeps the audit trail, roll-ups and data revision.
 *
 * Reading the file is @chitieu/reports' job (it knows exceljs); this module only sees cell text.
 */
import {
  checkEntry,
  type EntryField,
  type EntryInput,
  type EntryTemplateInput,
  type EntryWorkbook,
  editActionFor,
  formatDate,
  formatInteger,
  formatMoney,
  formatRatioPercent,
  formatScaled,
  invalid,
  notFound,
  periodName,
  type ResultFields,
  type ResultFlag,
  type SheetCell,
  type SubmissionState,
  textProblem,
} from '@chitieu/core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, authorize, can } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { versionAt } from './figures/scope.ts';
import { type IndicatorInfo, termTargets } from './figures/targets.ts';
import { getPeriod, getTerm, getUnit } from './lookups.ts';
import { type ResultRow, recordResult } from './results.ts';
import * as s from './schema.ts';

type Period = typeof s.periods.$inferSelect;
type ImportKey = { termId: number; unitId: number; periodId: number };
export type ImportInput = ImportKey & { workbook: EntryWorkbook };

/** The audit trail's reason on every value written by an import. */
export const IMPORT_REASON = 'Nhập từ tệp Excel';

// ---------------------------------------------------------------- period names

/** '6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024)'. */
export function periodLabel(p: Pick<Period, 'kind' | 'startDate' | 'endDate'>): string {
  return `${periodName(p)} (${formatDate(p.startDate)} – ${formatDate(p.endDate)})`;
}

// ---------------------------------------------------------------- what a template covers

function load(db: DbOrTx, input: ImportKey) {
  const term = getTerm(db, input.termId);
  const unit = getUnit(db, input.unitId);
  const period = getPeriod(db, input.periodId);
  if (period.endDate < term.startDate || period.startDate > term.endDate) {
    throw invalid('Kỳ báo cáo không thuộc nhiệm kỳ này.', { param: 'periodId' });
  }
  return { term, unit, period };
}

interface ScopeUnit {
  id: number;
  code: string;
  name: string;
  isGrassroots: boolean;
}

/**
 * The units a template covers: the unit itself and the grassroots units below it (the ones that
 * report), in the structure in force when the period starts, valid during the period.
 */
function reportingUnits(db: DbOrTx, unitId: number, period: Period): ScopeUnit[] {
  const versionId = versionAt(db, period.startDate);
  const placement =
    db
      .select()
      .from(s.placements)
      .where(and(eq(s.placements.structureVersionId, versionId), eq(s.placements.unitId, unitId)))
      .get() ??
    db
      .select()
      .from(s.placements)
      .where(eq(s.placements.unitId, unitId))
      .orderBy(desc(s.placements.structureVersionId))
      .get();
  if (!placement) throw notFound('Đơn vị không có trong cơ cấu tổ chức.');
  return db
    .all<{ id: number; code: string; name: string; isGrassroots: number }>(sql`
      SELECT u.id, u.code, u.name, u.is_grassroots AS isGrassroots FROM placements p
      JOIN units u ON u.id = p.unit_id
      WHERE p.structure_version_id = ${placement.structureVersionId}
        AND p.path >= ${placement.path} AND p.path < ${`${placement.path}~`}
        AND (u.is_grassroots = 1 OR u.id = ${unitId})
        AND u.valid_from <= ${period.endDate} AND (u.valid_to IS NULL OR u.valid_to > ${period.startDate})
      ORDER BY p.depth, p.sort_order, u.name`)
    .map((u) => ({ ...u, isGrassroots: u.isGrassroots === 1 }));
}

interface TermIndicator {
  targetCode: string;
  indicator: IndicatorInfo;
}

/** The term's indicators (primary and related, once each, like the entry grid) reported in periods of this kind. */
function termIndicators(db: DbOrTx, termId: number, kind: Period['kind']): TermIndicator[] {
  const frequency = new Map(
    db
      .select({ id: s.indicators.id, frequency: s.indicators.frequency })
      .from(s.indicators)
      .all()
      .map((i) => [i.id, i.frequency]),
  );
  const seen = new Set<number>();
  const list: TermIndicator[] = [];
  for (const target of termTargets(db, termId)) {
    for (const indicator of [target.indicator, ...target.related]) {
      if (seen.has(indicator.id) || frequency.get(indicator.id) !== kind) continue;
      seen.add(indicator.id);
      list.push({ targetCode: target.code, indicator });
    }
  }
  return list;
}

const applies = (indicator: IndicatorInfo, unit: ScopeUnit) =>
  indicator.measureType !== 'units_meeting' || unit.isGrassroots;

function periodsBefore(db: DbOrTx, period: Period) {
  const previous = db
    .select()
    .from(s.periods)
    .where(and(eq(s.periods.kind, period.kind), sql`${s.periods.startDate} < ${period.startDate}`))
    .orderBy(desc(s.periods.startDate))
    .get();
  const lastYearStart = `${Number(period.startDate.slice(0, 4)) - 1}${period.startDate.slice(4)}`;
  const sameLastYear = db
    .select()
    .from(s.periods)
    .where(and(eq(s.periods.kind, period.kind), eq(s.periods.startDate, lastYearStart)))
    .get();
  return { previous: previous ?? null, sameLastYear: sameLastYear ?? null };
}

/** Results of the units for the periods, keyed 'unit:indicator:period'. */
function resultsOf(db: DbOrTx, unitIds: number[], periodIds: number[]): Map<string, ResultRow> {
  const map = new Map<string, ResultRow>();
  if (unitIds.length === 0 || periodIds.length === 0) return map;
  // Chunked: SQLite allows at most 32.766 bound parameters in one statement.
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = db
      .select()
      .from(s.results)
      .where(
        and(inArray(s.results.unitId, unitIds.slice(i, i + 5000)), inArray(s.results.periodId, periodIds)),
      )
      .all();
    for (const r of rows) map.set(`${r.unitId}:${r.indicatorId}:${r.periodId}`, r);
  }
  return map;
}

/** The rows of the fill-in template for a unit and period (the caller must be allowed to read the unit). */
export function entryTemplate(db: DbOrTx, actor: Actor, input: ImportKey): EntryTemplateInput {
  const { term, unit, period } = load(db, input);
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

// ---------------------------------------------------------------- import

/**
 * Checked before a byte of the file is read: importing writes, so it takes the right to enter the
 * file's unit (an entry clerk's or an admin's), not just to read it — a viewer's upload costs nothing.
 */
export function authorizeImport(db: DbOrTx, actor: Actor, input: ImportKey): void {
  const { unit } = load(db, input);
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

export interface ImportResult {
  applied: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Units whose report for the period was started (draft) by this import. */
  reportsStarted: number;
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
  return db.transaction((tx) => planImport(tx, actor, input).preview);
}

/**
 * The same reading, then all changes written in one transaction through recordResult (audit,
 * roll-ups, revision), or nothing at all: any problem is a 400 listing every problem.
 */
export function applyImport(db: Db, actor: Actor, input: ImportInput): ImportResult {
  return db.transaction((tx) => {
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

function planImport(
  db: DbOrTx,
  actor: Actor,
  input: ImportInput,
): { preview: ImportPreview; states: Map<number, SubmissionState> } {
  const { term, unit, period } = load(db, input);
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
  const thresholds = new Map(
    db
      .select({
        id: s.indicators.id,
        flagGrowth: s.indicators.flagGrowth,
        flagMinChange: s.indicators.flagMinChange,
      })
      .from(s.indicators)
      .all()
      .map(({ id, ...rule }) => [id, rule]),
  );
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
function checkMeta(db: DbOrTx, input: ImportInput, expected: ReturnType<typeof load>) {
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
