import { DomainError } from '@chitieu/core';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './access.ts';
import { resolveScope } from './figures/scope.ts';
import { targetBreakdown } from './figures/views/breakdown.ts';
import { dashboardSummary } from './figures/views/overview.ts';
import { reportData } from './reports/data.ts';
import { REPORT_SECTION_KEYS } from './reports/definitions.ts';
import { DEMO_REPORT } from './reports/demo-report.ts';
import { getIssuedReport, issueReport, listIssuedReports } from './reports/issued.ts';
import { getReportSettings, saveReportSettings, seedDemoReport } from './reports/settings.ts';
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

const unitByCode = (db: ReturnType<typeof fresh>['db'], code: string) =>
  db.select().from(s.units).where(eq(s.units.code, code)).get() as typeof s.units.$inferSelect;

describe('report settings and narrative', () => {
  it('offers the demo report unsaved (version 0), and seedDemoReport stores it once', () => {
    const { db, termId } = fresh();
    const before = getReportSettings(db, termId, 'mid_term');
    expect(before).toMatchObject({
      version: 0,
      stored: false,
      parentBody: ['HỘI LHPN TỈNH BÌNH THUẬN'],
      issuingBody: ['BAN THƯỜNG VỤ'],
      motto: true,
      documentNumber: '45',
      documentSymbol: 'BC-HPN',
    });
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

  it("a district's report is its own: letterhead, motto, number, place, title and recipients from its name", () => {
    const { db, termId } = fresh();
    seedDemoReport(db, termId);
    const phanThiet = unitByCode(db, '593');
    const settings = getReportSettings(db, termId, 'mid_term', phanThiet.id);
    expect(settings).toMatchObject({
      unitId: phanThiet.id,
      stored: false,
      parentBody: ['HỘI LHPN THÀNH PHỐ PHAN THIẾT'],
      issuingBody: ['BAN THƯỜNG VỤ'],
      motto: true,
      documentNumber: '',
      documentSymbol: 'BC-HPN',
      place: 'Phan Thiết',
      reportDate: null,
      signerTitle: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
      signerName: '',
      recipients: ['Ban Thường vụ Hội LHPN tỉnh Bình Thuận (b/c);', 'Lưu: VT.'],
    });
    expect(settings.title).toBe(
      'BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026 tại thành phố Phan Thiết',
    );
    // Not the province's narrative.
    expect(settings.sections.every((x) => x.body === '')).toBe(true);
    // A ward has no Ban Thường vụ; its report goes up to the city's.
    const phuThuy = getReportSettings(db, termId, 'mid_term', unitByCode(db, '22924').id);
    expect(phuThuy).toMatchObject({
      parentBody: ['HỘI LHPN PHƯỜNG PHÚ THỦY'],
      issuingBody: ['BAN CHẤP HÀNH'],
      signerTitle: ['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH'],
      place: 'Phú Thủy',
      recipients: ['Ban Thường vụ Hội LHPN thành phố Phan Thiết (b/c);', 'Lưu: VT.'],
    });
  });

  it("saving one unit's settings leaves another's alone; each unit has its own version", () => {
    const { db, termId } = fresh();
    seedDemoReport(db, termId);
    const manager = actor(db, 'quanly');
    const phanThiet = unitByCode(db, '593').id;
    const own = getReportSettings(db, termId, 'mid_term', phanThiet);
    const saved = saveReportSettings(db, manager, {
      termId,
      kind: 'mid_term',
      unitId: phanThiet,
      version: 0,
      settings: { ...own, documentNumber: '12', reportDate: '2024-07-15', motto: false },
    });
    expect(saved).toMatchObject({ unitId: phanThiet, version: 1, documentNumber: '12', motto: false });
    expect(getReportSettings(db, termId, 'mid_term')).toMatchObject({
      version: 1,
      documentNumber: '45',
      motto: true,
    });
    // A district viewer may not edit its report; the city's approver neither (managers do).
    for (const who of ['xem.phanthiet', 'duyet.phanthiet']) {
      const attempt = () =>
        saveReportSettings(db, actor(db, who), {
          termId,
          kind: 'mid_term',
          unitId: phanThiet,
          version: 1,
          settings: own,
        });
      expect(failure(attempt), who).toBe('forbidden');
    }
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
      settings: { ...settings, documentNumber: ' 46 ', recipients: ['A;', '  ', 'Lưu: VT.'] },
    });
    expect(saved).toMatchObject({ version: 1, documentNumber: '46', recipients: ['A;', 'Lưu: VT.'] });
    expect(getRevision(db)).toBe(revision + 1);
    const audit = db
      .select()
      .from(s.auditEvents)
      .where(
        and(
          eq(s.auditEvents.entity, 'report'),
          eq(s.auditEvents.entityId, `${termId}:mid_term:${saved.unitId}`),
        ),
      )
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
    const refused = (patch: Partial<typeof settings>) => () =>
      saveReportSettings(db, manager, {
        termId,
        kind: 'mid_term',
        version: 1,
        settings: { ...settings, ...patch },
      });
    expect(failure(refused({ asOf: '2030-01-01' }))).toBe('invalid');
    // Decree 30: the number is digits, the symbol goes in its own field; the date is not before the data.
    expect(failure(refused({ documentNumber: '45-BC/HPN' }))).toBe('invalid');
    expect(failure(refused({ documentSymbol: 'BC HPN' }))).toBe('invalid');
    expect(failure(refused({ reportDate: '2024-06-29' }))).toBe('invalid');
    expect(getReportSettings(db, termId, 'mid_term').version).toBe(1);
  });

  it('refuses control characters and noncharacters in every field, naming the field and the character', () => {
    const { db, termId } = fresh();
    const manager = actor(db, 'quanly');
    const settings = getReportSettings(db, termId, 'mid_term');
    const cases: [Partial<typeof settings>, RegExp][] = [
      [{ signerName: 'Nguyễn\u0001 Thị A' }, /^Họ tên người ký chứa ký tự điều khiển U\+0001 ở vị trí 7\./],
      [{ parentBody: ['HỘI\u001bLHPN'] }, /^Tên cơ quan chủ quản chứa ký tự điều khiển U\+001B/],
      [{ recipients: ['Lưu\uffff'] }, /^Nơi nhận chứa ký tự không dùng được U\+FFFF/],
      [{ title: 'BÁO CÁO\u0000' }, /^Tên báo cáo chứa ký tự điều khiển U\+0000/],
      [
        { sections: settings.sections.map((x, i) => (i === 1 ? { ...x, body: 'Đoạn\n\u0007hai' } : x)) },
        /^Nội dung phần “Hạn chế, yếu kém” chứa ký tự điều khiển U\+0007/,
      ],
    ];
    for (const [patch, message] of cases) {
      try {
        saveReportSettings(db, manager, {
          termId,
          kind: 'mid_term',
          version: 0,
          settings: { ...settings, ...patch },
        });
        throw new Error('saved');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).message).toMatch(message);
      }
    }
    // Line breaks and tabs are fine in a narrative.
    const ok = saveReportSettings(db, manager, {
      termId,
      kind: 'mid_term',
      version: 0,
      settings: { ...settings, sections: settings.sections.map((x) => ({ ...x, body: 'Một\r\nHai\tba' })) },
    });
    expect(ok.version).toBe(1);
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
  const docx = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
  const snapshotOf = (scope: ReturnType<typeof resolveScope>) => ({
    scope: {
      unitId: scope.unit.id,
      unitName: scope.unit.name,
      asOf: scope.asOf,
      basis: scope.basis,
      structureVersionId: 1,
    },
    headline: { done: 7, counted: 8, noCases: 0 },
  });

  it('keep the file and the snapshot under their number and date; listed newest first; readable within scope only', () => {
    const { db, termId } = fresh();
    seedDemoReport(db, termId);
    const scope = resolveScope(db, 'system', { termId }, '2024-07-10');
    const snapshot = snapshotOf(scope);
    const issue = (who: Actor | 'system', version: number) =>
      issueReport(db, who, { termId, kind: 'mid_term', scope, settingsVersion: version, snapshot, docx });
    expect(failure(() => issue(actor(db, 'lanhdao'), 1))).toBe('forbidden');
    const first = issue(actor(db, 'quanly'), 1);
    expect(first).toMatchObject({
      headline: { done: 7, counted: 8, noCases: 0 },
      bytes: 7,
      issuedByName: 'Văn phòng Hội LHPN tỉnh',
      documentNumber: '45/BC-HPN',
      documentDate: '2024-07-10',
      scope: { unitId: scope.unit.id, unitName: 'Tỉnh Bình Thuận', basis: 'approved', asOf: '2024-06-30' },
    });
    // The same number again, in the same year: refused, nothing stored.
    expect(failure(() => issue('system', 1))).toBe('conflict');
    const settings = getReportSettings(db, termId, 'mid_term');
    saveReportSettings(db, 'system', {
      termId,
      kind: 'mid_term',
      version: 1,
      settings: { ...settings, documentNumber: '046' },
    });
    // Settings changed since the file was built (version 1 → 2): refused.
    expect(failure(() => issue('system', 1))).toBe('conflict');
    const second = issue('system', 2);
    expect(second.documentNumber).toBe('046/BC-HPN');
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

  it("a district issues under its own number: it needs one, a date not before its data, and may reuse the province's", () => {
    const { db, termId } = fresh();
    seedDemoReport(db, termId);
    const province = resolveScope(db, 'system', { termId }, '2024-07-10');
    issueReport(db, 'system', {
      termId,
      kind: 'mid_term',
      scope: province,
      settingsVersion: 1,
      snapshot: snapshotOf(province),
      docx,
    });
    const phanThiet = unitByCode(db, '593').id;
    const scope = resolveScope(db, 'system', { termId, unitId: phanThiet, asOf: '2024-12-31' }, '2025-01-10');
    const issue = (version: number) =>
      issueReport(db, 'system', {
        termId,
        kind: 'mid_term',
        scope,
        settingsVersion: version,
        snapshot: snapshotOf(scope),
        docx,
      });
    const messageOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    // Its defaults have no number and no date: it cannot take the province's.
    expect(messageOf(() => issue(0))).toContain('Chưa có số văn bản');
    const own = getReportSettings(db, termId, 'mid_term', phanThiet);
    const save = (patch: Partial<typeof own>, version: number) =>
      saveReportSettings(db, 'system', {
        termId,
        kind: 'mid_term',
        unitId: phanThiet,
        version,
        settings: { ...own, asOf: '2024-06-30', ...patch },
      });
    save({ documentNumber: '45' }, 0);
    expect(messageOf(() => issue(1))).toContain('Chưa có ngày văn bản');
    save({ documentNumber: '45', reportDate: '2024-07-10' }, 1);
    // Its figures are as of 31/12/2024: a document dated 10/07/2024 cannot report them.
    expect(messageOf(() => issue(2))).toBe(
      'Ngày văn bản (10/07/2024) không được trước ngày số liệu (31/12/2024): hãy sửa ngày báo cáo hoặc ngày số liệu.',
    );
    save({ documentNumber: '45', reportDate: '2025-01-05' }, 2);
    // Number 45 of 2025 in Phan Thiết: its own register, not the province's.
    const issued = issue(3);
    expect(issued).toMatchObject({
      documentNumber: '45/BC-HPN',
      documentDate: '2025-01-05',
      scope: { unitId: phanThiet },
    });
    expect(failure(() => issue(3))).toBe('conflict');
    expect(
      listIssuedReports(db, 'system', termId, 'mid_term', { unitId: phanThiet }).map((x) => x.id),
    ).toEqual([issued.id]);
    expect(listIssuedReports(db, 'system', termId, 'mid_term', { unitId: province.unit.id })).toHaveLength(1);
    expect(
      listIssuedReports(db, 'system', termId, 'mid_term', { unitId: phanThiet, basis: 'submitted' }),
    ).toEqual([]);
    // The district's issued report is its own: the city's viewer sees it.
    expect(listIssuedReports(db, actor(db, 'xem.phanthiet'), termId, 'mid_term').map((x) => x.id)).toEqual([
      issued.id,
    ]);
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
