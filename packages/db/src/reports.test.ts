import { DomainError } from '@chitieu/core';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './access.ts';
import { dashboardSummary, resolveScope, targetBreakdown } from './dashboard.ts';
import {
  DEMO_REPORT,
  getIssuedReport,
  getReportSettings,
  issueReport,
  listIssuedReports,
  REPORT_SECTION_KEYS,
  reportData,
  saveReportSettings,
  seedDemoReport,
} from './reports.ts';
import { recordResult } from './results.ts';
import { getRevision } from './revision.ts';
import * as s from './schema.ts';
import { cloneDatabase, demoDatabase } from './testing.ts';

let seed: ReturnType<typeof demoDatabase>;
beforeAll(() => {
  seed = demoDatabase();
});
const fresh = () => ({ ...seed, db: cloneDatabase(seed.db) });

function actor(db: ReturnType<typeof fresh>['db'], username: string): Actor {
  const user = db.select().from(s.users).where(eq(s.users.username, username)).get();
  if (!user) throw new Error(`no user ${username}`);
  const roles = db.select().from(s.roleAssignments).where(eq(s.roleAssignments.userId, user.id)).all();
  return { id: user.id, roles: roles.map((r) => ({ role: r.role, unitId: r.unitId })) };
}

const codeOf = (e: unknown) => (e instanceof DomainError ? e.code : String(e));
const failure = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return codeOf(error);
  }
  return 'no error';
};

describe('report settings and narrative', () => {
  it('offers the demo report unsaved (version 0), and seedDemoReport stores it once', () => {
    const { db, termId } = fresh();
    const before = getReportSettings(db, termId, 'mid_term');
    expect(before).toMatchObject({ version: 0, stored: false, documentNumber: '45-BC/HPN' });
    expect(before.sections.map((x) => x.key)).toEqual(REPORT_SECTION_KEYS);
    seedDemoReport(db, termId);
    seedDemoReport(db, termId);
    const after = getReportSettings(db, termId, 'mid_term');
    expect(after).toMatchObject({ version: 1, stored: true, place: 'Phan Thiết', reportDate: '2024-07-10' });
    expect(after.sections).toEqual(DEMO_REPORT.sections);
    // Other kinds start from plain defaults, named after the term.
    const yearly = getReportSettings(db, termId, 'end_of_term');
    expect(yearly.title).toBe(
      'BÁO CÁO Tổng kết nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026',
    );
    expect(yearly.sections.every((x) => x.body === '')).toBe(true);
  });

  it('saves with a version check, an audit event and a revision bump; managers only', () => {
    const { db, termId } = fresh();
    const manager = actor(db, 'quanly');
    const settings = { ...getReportSettings(db, termId, 'mid_term') };
    const revision = getRevision(db);
    const saved = saveReportSettings(db, manager, {
      termId,
      kind: 'mid_term',
      version: 0,
      settings: { ...settings, documentNumber: ' 46-BC/HPN ', recipients: ['A;', '  ', 'Lưu: VT.'] },
    });
    expect(saved).toMatchObject({ version: 1, documentNumber: '46-BC/HPN', recipients: ['A;', 'Lưu: VT.'] });
    expect(getRevision(db)).toBe(revision + 1);
    const audit = db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.entity, 'report'), eq(s.auditEvents.entityId, `${termId}:mid_term`)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', userId: manager.id, before: null });

    // Someone else saved in between: the stale version is refused, nothing changes.
    const stale = () =>
      saveReportSettings(db, manager, {
        termId,
        kind: 'mid_term',
        version: 0,
        settings: { ...settings, place: 'X' },
      });
    expect(failure(stale)).toBe('conflict');
    expect(getReportSettings(db, termId, 'mid_term').place).toBe('Phan Thiết');

    const viewer = () =>
      saveReportSettings(db, actor(db, 'lanhdao'), { termId, kind: 'mid_term', version: 1, settings });
    expect(failure(viewer)).toBe('forbidden');
    const outside = () =>
      saveReportSettings(db, manager, {
        termId,
        kind: 'mid_term',
        version: 1,
        settings: { ...settings, asOf: '2030-01-01' },
      });
    expect(failure(outside)).toBe('invalid');
    expect(getReportSettings(db, termId, 'mid_term').version).toBe(1);
  });
});

describe('report figures', () => {
  it('are the dashboard figures for the same scope, to the đồng', () => {
    const { db, termId } = fresh();
    for (const input of [
      { termId },
      { termId, unitId: 2, asOf: '2023-12-31' },
      { termId, basis: 'submitted' as const },
    ]) {
      const scope = resolveScope(db, 'system', input, '2024-07-10');
      const data = reportData(db, scope, { raw: true });
      const summary = dashboardSummary(db, scope);
      expect(data.headline).toEqual(summary.headline);
      expect(data.targets).toEqual(summary.targets);
      for (const t of summary.targets) {
        expect(data.breakdowns.find((b) => b.targetId === t.id)?.rows).toEqual(
          targetBreakdown(db, scope, t.id).rows,
        );
      }
      // The raw rows of the scope's own unit add up to its figures (flows: sum of the periods).
      for (const t of summary.targets.filter(
        (x) => x.indicator.measureType === 'cumulative' || x.indicator.measureType === 'amount',
      )) {
        const sum = (data.raw?.rows ?? [])
          .filter((r) => r.unitId === scope.unit.id && r.indicatorId === t.indicator.id)
          .reduce((acc, r) => acc + (r.figure.value ?? 0), 0);
        expect(sum).toBe(t.figure.value ?? 0);
      }
    }
    const province = reportData(db, resolveScope(db, 'system', { termId }, '2024-07-10'));
    expect(province.headline).toEqual({ done: 7, counted: 8, noCases: 0 });
    expect(province.targets.find((t) => t.code === 'CT3')?.relatedFigures[0]?.figure.value).toBe(
      11_540_000_000,
    );
    expect(province.children).toHaveLength(13);
  });
});

describe('issued reports', () => {
  it('keep the file and the snapshot; listed newest first; readable within scope only', () => {
    const { db, termId } = fresh();
    const scope = resolveScope(db, 'system', { termId }, '2024-07-10');
    const docx = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    const snapshot = {
      scope: {
        unitId: scope.unit.id,
        unitName: 'Tỉnh Bình Thuận',
        asOf: scope.asOf,
        basis: 'approved',
        structureVersionId: 1,
      },
      headline: { done: 7, counted: 8, noCases: 0 },
    };
    expect(
      failure(() =>
        issueReport(db, actor(db, 'lanhdao'), { termId, kind: 'mid_term', scope, snapshot, docx }),
      ),
    ).toBe('forbidden');
    const first = issueReport(db, actor(db, 'quanly'), { termId, kind: 'mid_term', scope, snapshot, docx });
    const second = issueReport(db, 'system', { termId, kind: 'mid_term', scope, snapshot, docx });
    expect(first).toMatchObject({
      headline: { done: 7, counted: 8, noCases: 0 },
      bytes: 7,
      issuedByName: 'Văn phòng Hội LHPN tỉnh',
    });
    // Issuing stored the (default) settings on the way.
    expect(getReportSettings(db, termId, 'mid_term').stored).toBe(true);
    expect(listIssuedReports(db, 'system', termId, 'mid_term').map((x) => x.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect([...getIssuedReport(db, actor(db, 'lanhdao'), termId, 'mid_term', first.id).docx]).toEqual([
      ...docx,
    ]);
    // A district viewer does not see the province's issued reports.
    expect(listIssuedReports(db, actor(db, 'xem.phanthiet'), termId, 'mid_term')).toEqual([]);
    expect(failure(() => getIssuedReport(db, actor(db, 'xem.phanthiet'), termId, 'mid_term', first.id))).toBe(
      'forbidden',
    );
    expect(failure(() => getIssuedReport(db, 'system', termId, 'end_of_term', first.id))).toBe('not_found');
    expect(
      db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'issued_report'`)?.n,
    ).toBe(2);
  });

  it('live figures move on after issuing; the issued snapshot does not', () => {
    const { db, termId } = fresh();
    const scope = resolveScope(db, 'system', { termId }, '2024-07-10');
    const before = reportData(db, scope).targets.find((t) => t.code === 'CT2')?.figure.value;
    const indicator = db.select().from(s.indicators).where(eq(s.indicators.code, 'THOATNGHEO')).get();
    const period = db.select().from(s.periods).where(eq(s.periods.startDate, '2024-01-01')).get();
    const unit = db.select().from(s.units).where(eq(s.units.code, '22924')).get();
    const current = db
      .select()
      .from(s.results)
      .where(
        and(
          eq(s.results.unitId, unit?.id as number),
          eq(s.results.indicatorId, indicator?.id as number),
          eq(s.results.periodId, period?.id as number),
        ),
      )
      .get();
    recordResult(db, {
      unitId: unit?.id as number,
      indicatorId: indicator?.id as number,
      periodId: period?.id as number,
      value: (current?.value ?? 0) + 4,
    });
    expect(reportData(db, scope).targets.find((t) => t.code === 'CT2')?.figure.value).toBe((before ?? 0) + 4);
  });
});
