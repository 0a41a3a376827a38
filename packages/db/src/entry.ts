/**
 * Data entry: the grid for one unit and period, saving a typed value, the report workflow, the
 * audit trail and the reporting cockpit. Every function takes the acting user and authorises in
 * here, not in the UI or the route.
 */
import {
  type AuditAction,
  addDays,
  assertCleanText,
  checkEntry,
  conflict,
  type EntryIndicator,
  type EntryInput,
  type EntryProblem,
  editActionFor,
  forbidden,
  invalid,
  lifeRefusal,
  notFound,
  type PlausibilityRule,
  plausibilityRule,
  quantityText,
  type ResultFlag,
  reportsPeriod,
  type SubmissionState,
  TRANSITIONS,
  todayInVietnam,
  visibleText,
  type WorkflowAction,
} from '@chitieu/core';
import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { type Actor, authorize, can, homeUnits, isRootAdmin } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { approvalBlocked } from './duties.ts';
import { type IndicatorInfo, termTargets } from './figures/targets.ts';
import { getPeriod, getTerm, getUnit, PERIOD_COLUMNS, type PeriodRow } from './lookups.ts';
import { notifyTransition } from './notifications.ts';
import { clearResult, type ResultRow, recordResult, setSubmissionState } from './results.ts';
import * as s from './schema.ts';
import { inTransaction, stmt } from './statements.ts';

type SubmissionRow = typeof s.submissions.$inferSelect;

export function getSubmission(db: DbOrTx, unitId: number, periodId: number): SubmissionRow | null {
  return (
    stmt<SubmissionRow>(
      db,
      `SELECT unit_id AS unitId, period_id AS periodId, state, comment, version, updated_by AS updatedBy,
              updated_at AS updatedAt
       FROM submissions WHERE unit_id = ? AND period_id = ?`,
    ).get(unitId, periodId) ?? null
  );
}

/** The period just before, and the same period a year before, of the same kind (for history checks). */
function earlierPeriods(db: DbOrTx, period: PeriodRow) {
  const previous = stmt<PeriodRow>(
    db,
    `SELECT ${PERIOD_COLUMNS} FROM periods WHERE kind = ? AND start_date < ? ORDER BY start_date DESC LIMIT 1`,
  ).get(period.kind, period.startDate);
  const lastYearStart = `${Number(period.startDate.slice(0, 4)) - 1}${period.startDate.slice(4)}`;
  const sameLastYear = stmt<PeriodRow>(
    db,
    `SELECT ${PERIOD_COLUMNS} FROM periods WHERE kind = ? AND start_date = ?`,
  ).get(period.kind, lastYearStart);
  return { previous: previous ?? null, sameLastYear: sameLastYear ?? null };
}

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

const userNames = (db: DbOrTx, ids: (number | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  return new Map(
    db
      .select({ id: s.users.id, name: s.users.displayName })
      .from(s.users)
      .where(inArray(s.users.id, wanted))
      .all()
      .map((u) => [u.id, u.name]),
  );
};

export interface GridRow {
  targetId: number;
  targetCode: string;
  targetName: string;
  counted: boolean;
  /** The target's primary indicator (false for a related one such as the value of works). */
  primary: boolean;
  indicator: IndicatorInfo;
  /** `units_meeting` rows are answered only by grassroots units themselves. */
  applicable: boolean;
  result: (ResultRow & { updatedByName: string | null }) | null;
  previous: ResultRow | null;
  sameLastYear: ResultRow | null;
  allocation: number | null;
  /** The indicator's plausibility rule with its defaults filled in: the grid checks by the same one. */
  plausibility: PlausibilityRule;
}

/** Everything the entry grid shows for one unit and one period of a term. */
export function entryGrid(
  db: DbOrTx,
  actor: Actor,
  input: { termId: number; unitId: number; periodId: number },
) {
  const term = getTerm(db, input.termId);
  const unit = getUnit(db, input.unitId);
  const period = getPeriod(db, input.periodId);
  authorize(db, actor, 'read', unit.id);
  const { previous, sameLastYear } = earlierPeriods(db, period);
  const periodIds = [period.id, previous?.id, sameLastYear?.id].filter(
    (id): id is number => id !== undefined,
  );
  const results = db
    .select()
    .from(s.results)
    .where(and(eq(s.results.unitId, unit.id), inArray(s.results.periodId, periodIds)))
    .all();
  const find = (indicatorId: number, periodId: number | undefined) =>
    results.find((r) => r.indicatorId === indicatorId && r.periodId === periodId) ?? null;
  const names = userNames(
    db,
    results.map((r) => r.updatedBy),
  );
  const allocations = db
    .select()
    .from(s.targetAllocations)
    .where(eq(s.targetAllocations.unitId, unit.id))
    .all();
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

  const rows: GridRow[] = [];
  const seen = new Set<number>();
  for (const target of termTargets(db, term.id)) {
    for (const [i, indicator] of [target.indicator, ...target.related].entries()) {
      if (seen.has(indicator.id)) continue;
      seen.add(indicator.id);
      const current = find(indicator.id, period.id);
      rows.push({
        targetId: target.id,
        targetCode: target.code,
        targetName: target.shortName,
        counted: target.counted,
        primary: i === 0,
        indicator,
        applicable: indicator.measureType !== 'units_meeting' || unit.isGrassroots,
        result: current ? { ...current, updatedByName: names.get(current.updatedBy ?? -1) ?? null } : null,
        previous: find(indicator.id, previous?.id),
        sameLastYear: find(indicator.id, sameLastYear?.id),
        allocation: i === 0 ? (allocations.find((a) => a.targetId === target.id)?.goal ?? null) : null,
        plausibility: plausibilityRule({ ...indicator, ...thresholds.get(indicator.id) }),
      });
    }
  }
  const submission = getSubmission(db, unit.id, period.id);
  const state = submission?.state ?? null;
  // Outside the unit's life nothing can be entered or reported; a closed unit's own periods stay
  // correctable by approvers with a reason (docs/decisions/0017).
  const outsideLife = lifeRefusal(unit, period);
  const editAction = outsideLife ? null : isClosed(unit) ? 'edit_approved' : editActionFor(state);
  const may = (action: Parameters<typeof can>[2]) => !outsideLife && can(db, actor, action, unit.id);
  const mayApprove = TRANSITIONS.approve.from.includes(state) && may('approve');
  const approveBlocked = mayApprove ? approvalBlocked(db, actor, unit.id, period.id) : null;
  return {
    term: { id: term.id, shortName: term.shortName },
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      isGrassroots: unit.isGrassroots,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
    },
    outsideLife,
    period,
    submission: submission
      ? {
          ...submission,
          updatedByName: userNames(db, [submission.updatedBy]).get(submission.updatedBy ?? -1) ?? null,
        }
      : null,
    rows,
    permissions: {
      edit: editAction !== null && may(editAction),
      /** Editing approved data (or a closed unit's) needs a written reason. */
      reasonRequired: editAction === 'edit_approved',
      submit: TRANSITIONS.submit.from.includes(state) && may('submit'),
      approve: mayApprove && approveBlocked === null,
      /** Why approving is not offered to this user (separation of duties), or null. */
      approveBlocked,
      return: TRANSITIONS.return.from.includes(state) && may('approve'),
    },
  };
}

export interface SaveEntryInput {
  unitId: number;
  indicatorId: number;
  periodId: number;
  input: EntryInput;
  note?: string | null;
  evidenceUrl?: string | null;
  /** The version the user saw (null: they saw no value). */
  expectedVersion: number | null;
  reason?: string | null;
}

/** Save one typed value: authorise by the report's state, check it, write it with its version. */
export function saveEntry(
  db: Db,
  actor: Actor,
  input: SaveEntryInput,
): { result: ResultRow; warnings: EntryProblem[] } {
  const tx = db;
  return inTransaction(db, () => {
    const { unit, period, indicator, submission } = authorizeEdit(tx, actor, input);
    if (indicator.measureType === 'units_meeting' && !unit.isGrassroots) {
      throw invalid('Chỉ cơ sở Hội tự đánh giá chỉ số này.');
    }

    const { previous, sameLastYear } = earlierPeriods(tx, period);
    const pastValue = (p: PeriodRow | null) =>
      p
        ? (stmt<{ value: number | null }>(
            tx,
            'SELECT value FROM results WHERE unit_id = ? AND indicator_id = ? AND period_id = ?',
          ).get(unit.id, indicator.id, p.id)?.value ?? null)
        : null;
    const allocation = stmt<{ goal: number }>(
      tx,
      `SELECT a.goal FROM target_allocations a JOIN targets t ON t.id = a.target_id
       WHERE a.unit_id = ? AND t.primary_indicator_id = ? ORDER BY t.id DESC LIMIT 1`,
    ).get(unit.id, indicator.id)?.goal;
    const check = checkEntry(indicator, input.input, {
      previous: pastValue(previous),
      sameLastYear: pastValue(sameLastYear),
      allocation: allocation ?? null,
    });
    if (!check.fields)
      throw invalid(check.errors[0]?.message ?? 'Giá trị không hợp lệ.', { errors: check.errors });

    const note = input.note === undefined ? undefined : cleanText(input.note, 2000, 'Ghi chú', 'note');
    const evidenceUrl = input.evidenceUrl === undefined ? undefined : cleanUrl(input.evidenceUrl);
    try {
      const result = recordResult(tx, {
        unitId: unit.id,
        indicatorId: indicator.id,
        periodId: period.id,
        ...check.fields,
        note,
        evidenceUrl,
        // The server's own judgement, never the grid's: a report cannot be sent while it has no note.
        flag: check.flag,
        expectedVersion: input.expectedVersion,
        userId: actor.id,
        reason: cleanText(input.reason, 2000, 'Lý do sửa', 'reason'),
      });
      if (!submission) {
        stmt(
          tx,
          "INSERT INTO submissions (unit_id, period_id, state, updated_by) VALUES (?, ?, 'draft', ?)",
        ).run(unit.id, period.id, actor.id);
      }
      return { result, warnings: check.warnings };
    } catch (error) {
      throw withAuthorNamed(tx, error);
    }
  });
}

/** Clear one value (typed in the wrong row): the same rights, workflow rules and version check as a save. */
export function clearEntry(
  db: Db,
  actor: Actor,
  input: Pick<SaveEntryInput, 'unitId' | 'indicatorId' | 'periodId' | 'expectedVersion' | 'reason'>,
): { cleared: ResultRow | null } {
  return inTransaction(db, () => {
    authorizeEdit(db, actor, input);
    try {
      const cleared = clearResult(db, {
        unitId: input.unitId,
        indicatorId: input.indicatorId,
        periodId: input.periodId,
        expectedVersion: input.expectedVersion,
        userId: actor.id,
        reason: cleanText(input.reason, 2000, 'Lý do sửa', 'reason'),
      });
      return { cleared };
    } catch (error) {
      throw withAuthorNamed(db, error);
    }
  });
}

/**
 * Who may change a unit's value for a period: entry staff while the report is open, an approver
 * with a written reason once it is approved, nobody while it waits for approval.
 */
function authorizeEdit(
  tx: DbOrTx,
  actor: Actor,
  input: { unitId: number; periodId: number; indicatorId: number; reason?: string | null | undefined },
) {
  const unit = getUnit(tx, input.unitId);
  const period = getPeriod(tx, input.periodId);
  const indicator = stmt<EntryIndicator & { id: number }>(
    tx,
    `SELECT id, measure_type AS measureType, decimals, measurement_unit AS measurementUnit,
            flag_growth AS flagGrowth, flag_min_change AS flagMinChange
     FROM indicators WHERE id = ?`,
  ).get(input.indicatorId);
  if (!indicator) throw notFound(`Không tìm thấy chỉ số ${input.indicatorId}.`);
  authorize(tx, actor, 'read', unit.id);
  const outsideLife = lifeRefusal(unit, period);
  if (outsideLife) throw invalid(outsideLife, { field: 'periodId' });
  const submission = getSubmission(tx, unit.id, period.id);
  const state = submission?.state ?? null;
  if (state === 'submitted') throw conflict('Báo cáo kỳ này đang chờ duyệt: cần được trả lại trước khi sửa.');
  const closed = isClosed(unit);
  const action = closed ? 'edit_approved' : editActionFor(state);
  if (action === null) throw conflict('Báo cáo kỳ này đang chờ duyệt: cần được trả lại trước khi sửa.');
  authorize(tx, actor, action, unit.id);
  if (action === 'edit_approved' && visibleText(input.reason) === null) {
    throw invalid(
      closed
        ? `${unit.name} đã kết thúc hoạt động: cần ghi lý do khi sửa số liệu cũ.`
        : 'Số liệu đã duyệt: cần ghi lý do khi sửa.',
      { field: 'reason' },
    );
  }
  return { unit, period, indicator, submission };
}

/** A version conflict names the author of the value that won, so the grid can show both. */
function withAuthorNamed(tx: DbOrTx, error: unknown): unknown {
  const details = (error as { details?: { current?: ResultRow | null } }).details;
  if (!details?.current) return error;
  const author = userNames(tx, [details.current.updatedBy]).get(details.current.updatedBy ?? -1) ?? null;
  return conflict(
    `Giá trị này vừa được ${author ?? 'người khác'} thay đổi. Hãy chọn giữ giá trị của bạn hoặc lấy giá trị mới.`,
    { current: { ...details.current, updatedByName: author } },
  );
}

/**
 * Submit, approve or return a unit's report for a period. Those to be told (approvers of a report
 * sent, clerks of one returned) get their notifications in the same transaction; their ids are
 * pushed to `notified`, for mail once it has committed.
 */
export function transitionReport(
  db: Db,
  actor: Actor,
  input: {
    unitId: number;
    periodId: number;
    action: WorkflowAction;
    comment?: string | null;
    expectedVersion?: number | null;
  },
  notified: number[] = [],
) {
  const done = db.transaction((tx) => {
    const unit = getUnit(tx, input.unitId);
    const period = getPeriod(tx, input.periodId);
    const rule = TRANSITIONS[input.action];
    authorize(tx, actor, rule.needs, unit.id);
    const outsideLife = lifeRefusal(unit, period);
    if (outsideLife) throw invalid(outsideLife, { field: 'periodId' });
    const current = getSubmission(tx, unit.id, input.periodId);
    if (input.expectedVersion !== undefined && (current?.version ?? null) !== input.expectedVersion) {
      throw conflict('Báo cáo này vừa được người khác thay đổi trạng thái. Hãy tải lại.', { current });
    }
    const state: SubmissionState | null = current?.state ?? null;
    if (!rule.from.includes(state)) {
      throw conflict(`Không thể ${ACTION_WORDS[input.action]} báo cáo ở trạng thái này.`, { state });
    }
    if (input.action === 'approve') {
      const blocked = approvalBlocked(tx, actor, unit.id, input.periodId);
      if (blocked) throw forbidden(blocked);
    }
    const comment = cleanText(input.comment, 2000, 'Nhận xét', 'comment');
    if (input.action === 'return' && !comment)
      throw invalid('Cần ghi nhận xét khi trả lại báo cáo.', { field: 'comment' });
    if (input.action === 'submit') {
      const count = tx.get<{ n: number }>(
        sql`SELECT COUNT(*) AS n FROM results WHERE unit_id = ${unit.id} AND period_id = ${input.periodId}`,
      )?.n;
      if (!count) throw invalid('Chưa có số liệu nào để gửi.');
      const unexplained = flaggedResults(tx, unit.id, input.periodId).filter((f) => f.note === null);
      if (unexplained.length > 0) {
        throw invalid(
          `Chưa gửi được: ${unexplained.length} số liệu bất thường chưa có ghi chú lý do — ${unexplained
            .map((f) => `${f.indicatorName}: ${f.valueText} (${FLAG_WORDS[f.flag]} ${f.pastText ?? '—'})`)
            .join('; ')}. Hãy ghi chú lý do ở cột “Ghi chú” rồi gửi lại.`,
          { field: 'note', flagged: unexplained },
        );
      }
    }
    setSubmissionState(tx, {
      unitId: unit.id,
      periodId: input.periodId,
      state: rule.to,
      comment: comment ?? null,
      userId: actor.id,
    });
    const ids = notifyTransition(tx, actor, {
      unitId: unit.id,
      periodId: input.periodId,
      state: rule.to,
      comment: comment ?? null,
    });
    return { submission: getSubmission(tx, unit.id, input.periodId), ids };
  });
  notified.push(...done.ids);
  return done.submission;
}

const FLAG_WORDS: Record<ResultFlag, string> = {
  far_above_previous: 'kỳ trước',
  far_above_last_year: 'cùng kỳ năm trước',
};

export interface FlaggedResult {
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  flag: ResultFlag;
  value: number | null;
  /** The past figure the value was judged against (the period before, or a year before), if still stored. */
  past: number | null;
  valueText: string;
  pastText: string | null;
  /** The note, or null when there is none (blank counts as none). */
  note: string | null;
}

/** A unit's flagged results for a period, with the past figure each was judged against. */
export function flaggedResults(db: DbOrTx, unitId: number, periodId: number): FlaggedResult[] {
  const rows = db.all<{
    indicatorId: number;
    indicatorCode: string;
    indicatorName: string;
    measureType: EntryIndicator['measureType'];
    decimals: number;
    measurementUnit: string;
    flag: ResultFlag;
    value: number | null;
    note: string | null;
  }>(sql`
    SELECT r.indicator_id AS indicatorId, i.code AS indicatorCode, i.name AS indicatorName,
           i.measure_type AS measureType, i.decimals, i.measurement_unit AS measurementUnit,
           r.flag, r.value, r.note
    FROM results r JOIN indicators i ON i.id = r.indicator_id
    WHERE r.unit_id = ${unitId} AND r.period_id = ${periodId} AND r.flag IS NOT NULL
    ORDER BY i.code`);
  if (rows.length === 0) return [];
  const { previous, sameLastYear } = earlierPeriods(db, getPeriod(db, periodId));
  const pastOf = (indicatorId: number, flag: ResultFlag) => {
    const period = flag === 'far_above_previous' ? previous : sameLastYear;
    if (!period) return null;
    return (
      stmt<{ value: number | null }>(
        db,
        'SELECT value FROM results WHERE unit_id = ? AND indicator_id = ? AND period_id = ?',
      ).get(unitId, indicatorId, period.id)?.value ?? null
    );
  };
  return rows.map(({ measureType, decimals, measurementUnit, ...r }) => {
    const indicator = { measureType, decimals, measurementUnit };
    const past = pastOf(r.indicatorId, r.flag);
    return {
      ...r,
      past,
      valueText: r.value === null ? '—' : quantityText(indicator, r.value),
      pastText: past === null ? null : quantityText(indicator, past),
      note: visibleText(r.note),
    };
  });
}

/** A unit that has ended (merged, split, dissolved): its past periods are corrected by approvers only. */
const isClosed = (unit: { validTo: string | null }) =>
  unit.validTo !== null && unit.validTo <= todayInVietnam();

const ACTION_WORDS: Record<WorkflowAction, string> = { submit: 'gửi', approve: 'duyệt', return: 'trả lại' };

/** Visible text of a note, a comment or a reason; refused if too long or holding a control character. */
function cleanText(
  text: string | null | undefined,
  max: number,
  label: string,
  field?: string,
): string | null {
  const t = visibleText(text);
  if (!t) return null;
  if (t.length > max) throw invalid(`${label} dài quá ${max} ký tự.`);
  assertCleanText(label, t, { multiline: true, ...(field ? { field } : {}) });
  return t;
}

function cleanUrl(url: string | null | undefined): string | null {
  const t = url?.trim();
  if (!t) return null;
  let parsed: URL;
  try {
    parsed = new URL(t);
  } catch {
    throw invalid('Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).', {
      field: 'evidenceUrl',
    });
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || t.length > 1000) {
    throw invalid('Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).', {
      field: 'evidenceUrl',
    });
  }
  return t;
}

/** Each kind of change the audit page filters by (AUDIT_ACTIONS) as a set of (entity, action) pairs. */

const SETUP_ENTITIES = ['term', 'indicator', 'target', 'allocation', 'period'];

function actionCondition(action: AuditAction) {
  const e = s.auditEvents;
  switch (action) {
    case 'entered':
      return and(eq(e.entity, 'result'), inArray(e.action, ['create', 'update']));
    case 'deleted':
      return and(eq(e.entity, 'result'), eq(e.action, 'delete'));
    case 'setup':
      return inArray(e.entity, SETUP_ENTITIES);
    default:
      return and(eq(e.entity, 'submission'), eq(e.action, action));
  }
}

/**
 * A day in Vietnam (UTC+7, no daylight saving) as instants: 05/03 runs from 04/03 17:00 UTC to
 * 05/03 16:59:59.999 UTC, so a change made at 00:30 on 05/03 is found under 05/03, as the page shows it.
 */
const startOfDayInVietnam = (iso: string) => `${addDays(iso, -1)}T17:00:00.000Z`;
const endOfDayInVietnam = (iso: string) => `${iso}T16:59:59.999Z`;

export interface AuditFilter {
  /** The unit and everything below it (in any structure version). */
  unitId?: number;
  indicatorId?: number;
  resultId?: number;
  userId?: number;
  /** Days in Vietnam, both included. */
  from?: string;
  to?: string;
  action?: AuditAction;
  /** Paging: events older than this id (the last one of the previous page). */
  before?: number;
  limit?: number;
}

export const AUDIT_PAGE_SIZE = 200;

/** Units at or below `unitId` in any structure version (a subtree is a path range). */
const subtreeOf = (unitId: number) => sql`(
  SELECT c.unit_id FROM placements f JOIN placements c
    ON c.structure_version_id = f.structure_version_id AND c.path >= f.path AND c.path < f.path || '~'
  WHERE f.unit_id = ${unitId})`;

/**
 * The audit trail, newest first, limited to what the actor may read. The scope is part of the
 * query, so a page is always full while older readable events exist.
 */
export function auditTrail(db: DbOrTx, actor: Actor, filter: AuditFilter) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid('Ngày bắt đầu (“từ ngày”) đang ở sau ngày kết thúc (“đến ngày”).', {
      from: filter.from,
      to: filter.to,
    });
  }
  if (filter.unitId !== undefined) authorize(db, actor, 'read', filter.unitId);
  const readable = homeUnits(actor).map((unitId) => sql`${s.auditEvents.unitId} IN ${subtreeOf(unitId)}`);
  // Events not tied to a unit (accounts, settings, reports of the whole organisation) concern the
  // whole organisation: its root admins see them; everyone else sees their own subtree only.
  const orgWide = isRootAdmin(db, actor) ? sql`${s.auditEvents.unitId} IS NULL OR ` : sql``;
  const where = [
    sql`(${orgWide}${readable.length ? or(...readable) : sql`0`})`,
    filter.unitId !== undefined ? sql`${s.auditEvents.unitId} IN ${subtreeOf(filter.unitId)}` : undefined,
    filter.userId !== undefined ? eq(s.auditEvents.userId, filter.userId) : undefined,
    filter.resultId !== undefined
      ? and(eq(s.auditEvents.entity, 'result'), eq(s.auditEvents.entityId, String(filter.resultId)))
      : undefined,
    filter.indicatorId !== undefined
      ? sql`json_extract(${s.auditEvents.after}, '$.indicatorId') = ${filter.indicatorId}`
      : undefined,
    filter.from ? gte(s.auditEvents.at, startOfDayInVietnam(filter.from)) : undefined,
    filter.to ? lte(s.auditEvents.at, endOfDayInVietnam(filter.to)) : undefined,
    filter.action !== undefined ? actionCondition(filter.action) : undefined,
    filter.before !== undefined ? lt(s.auditEvents.id, filter.before) : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select({
      id: s.auditEvents.id,
      at: s.auditEvents.at,
      userId: s.auditEvents.userId,
      userName: s.users.displayName,
      entity: s.auditEvents.entity,
      entityId: s.auditEvents.entityId,
      unitId: s.auditEvents.unitId,
      unitName: s.units.name,
      action: s.auditEvents.action,
      before: s.auditEvents.before,
      after: s.auditEvents.after,
      reason: s.auditEvents.reason,
    })
    .from(s.auditEvents)
    .leftJoin(s.users, eq(s.users.id, s.auditEvents.userId))
    .leftJoin(s.units, eq(s.units.id, s.auditEvents.unitId))
    .where(and(...where))
    .orderBy(desc(s.auditEvents.id))
    .limit(Math.min(filter.limit ?? AUDIT_PAGE_SIZE, 1000))
    .all();
}

/** Units × periods with their report state, for the reporting cockpit. */
export function reportingCockpit(
  db: DbOrTx,
  actor: Actor,
  input: { termId: number; unitId: number; today: string },
) {
  authorize(db, actor, 'read', input.unitId);
  const periods = termPeriods(db, input.termId).filter((p) => p.startDate <= input.today);
  const placement = db
    .select()
    .from(s.placements)
    .where(eq(s.placements.unitId, input.unitId))
    .orderBy(desc(s.placements.structureVersionId))
    .get();
  if (!placement) throw notFound('Đơn vị không có trong cơ cấu tổ chức.');
  // Units that report: grassroots units of the subtree, plus the unit itself when it is one; each
  // only for the periods inside its life (a merged ward from its first half-year, a closed one until
  // its last), and none that reports no period shown.
  const listed = db.all<{
    id: number;
    code: string;
    name: string;
    parentName: string | null;
    validFrom: string;
    validTo: string | null;
  }>(sql`
    SELECT u.id, u.code, u.name, pu.name AS parentName, u.valid_from AS validFrom, u.valid_to AS validTo
    FROM placements p
    JOIN units u ON u.id = p.unit_id LEFT JOIN units pu ON pu.id = p.parent_id
    WHERE p.structure_version_id = ${placement.structureVersionId}
      AND p.path >= ${placement.path} AND p.path < ${`${placement.path}~`} AND u.is_grassroots = 1
    ORDER BY p.path`);
  const units = listed.filter((u) => periods.some((p) => reportsPeriod(u, p)));
  const subs =
    periods.length && units.length
      ? db
          .select()
          .from(s.submissions)
          .where(
            and(
              inArray(
                s.submissions.periodId,
                periods.map((p) => p.id),
              ),
              inArray(
                s.submissions.unitId,
                units.map((u) => u.id),
              ),
            ),
          )
          .all()
      : [];
  const subOf = new Map(subs.map((x) => [`${x.unitId}:${x.periodId}`, x]));
  // Flagged results per report (docs/decisions/0025): how many, and how many still without a note.
  const flags = new Map<string, { flagged: number; unexplained: number }>();
  if (periods.length && subs.length) {
    for (const f of db.all<{ unitId: number; periodId: number; flagged: number; unexplained: number }>(sql`
      SELECT r.unit_id AS unitId, r.period_id AS periodId, COUNT(*) AS flagged,
             SUM(CASE WHEN r.note IS NULL OR trim(r.note) = '' THEN 1 ELSE 0 END) AS unexplained
      FROM results r
      WHERE r.flag IS NOT NULL AND r.period_id IN (${sql.join(
        periods.map((p) => sql`${p.id}`),
        sql`, `,
      )})
        AND r.unit_id IN (${subtreeOf(input.unitId)})
      GROUP BY r.unit_id, r.period_id`)) {
      flags.set(`${f.unitId}:${f.periodId}`, { flagged: f.flagged, unexplained: f.unexplained });
    }
  }
  return {
    periods: periods.map((p) => ({ ...p, overdue: p.deadline < input.today })),
    units: units.map(({ validFrom, validTo, ...u }) => ({
      ...u,
      /** Ended before today: listed for its own past periods, marked. */
      former: validTo !== null && validTo <= input.today,
      states: periods.map((p) => {
        const applies = reportsPeriod({ validFrom, validTo }, p);
        const sub = subOf.get(`${u.id}:${p.id}`);
        const state: SubmissionState | 'not_started' = sub?.state ?? 'not_started';
        const done = state === 'submitted' || state === 'approved';
        return {
          periodId: p.id,
          state,
          // When it entered this state (sent, returned, approved): the inbox puts the longest waiting first.
          since: sub?.updatedAt ?? null,
          applies,
          overdue: applies && !done && p.deadline < input.today,
          flagged: flags.get(`${u.id}:${p.id}`)?.flagged ?? 0,
          unexplained: flags.get(`${u.id}:${p.id}`)?.unexplained ?? 0,
        };
      }),
    })),
  };
}
