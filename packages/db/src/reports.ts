/**
 * The report of a term (DESIGN.md "Report"): header settings and narrative per term and kind, the
 * figures it shows, and issued versions with their frozen snapshot and file.
 *
 * Every figure comes from the dashboard's functions (dashboardSummary, targetBreakdown,
 * targetSeries, FigureReader over the roll-up table), so an export equals the dashboard to the đồng.
 * Files are built elsewhere (@chitieu/reports); this module only reads and writes the database.
 */
import { conflict, formatDate, invalid, notFound } from '@chitieu/core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Actor, authorize, can } from './access.ts';
import type { DbOrTx } from './client.ts';
import {
  type BreakdownRow,
  childUnits,
  type DashboardSummary,
  dashboardSummary,
  FigureReader,
  getTerm,
  type PeriodRow,
  type Scope,
  type SeriesPoint,
  type Term,
  type TreeUnit,
  targetBreakdown,
  targetSeries,
  unitTree,
} from './dashboard.ts';
import { bumpRevision, getMeta } from './revision.ts';
import * as s from './schema.ts';

export type ReportKind = (typeof s.REPORT_KINDS)[number];
export const REPORT_KINDS = s.REPORT_KINDS;

/** The five narrative parts of a review report, in order (numbered I.–V. in the document). */
export const REPORT_SECTIONS = [
  { key: 'ket_qua', title: 'Kết quả đạt được' },
  { key: 'han_che', title: 'Hạn chế, yếu kém' },
  { key: 'nguyen_nhan', title: 'Nguyên nhân' },
  { key: 'bai_hoc', title: 'Bài học kinh nghiệm' },
  { key: 'nhiem_vu', title: 'Nhiệm vụ, giải pháp nửa nhiệm kỳ còn lại' },
] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];
export const REPORT_SECTION_KEYS = REPORT_SECTIONS.map((x) => x.key) as ReportSectionKey[];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  mid_term: 'Sơ kết giữa nhiệm kỳ',
  end_of_term: 'Tổng kết nhiệm kỳ',
  yearly: 'Báo cáo năm',
};

export interface ReportSection {
  key: ReportSectionKey;
  title: string;
  body: string;
}

/** What the user edits: the header of the document and its narrative. */
export interface ReportSettingsInput {
  issuingBody: string[];
  /** "45-BC/HPN"; the document prints "Số: 45-BC/HPN". */
  documentNumber: string;
  place: string;
  /** The date printed beside the place; null prints "ngày … tháng … năm …" to fill by hand. */
  reportDate: string | null;
  /** The as-of date of the figures when an export does not name one. */
  asOf: string;
  title: string;
  signerTitle: string[];
  signerName: string;
  recipients: string[];
  sections: ReportSection[];
}

export interface ReportSettings extends ReportSettingsInput {
  termId: number;
  kind: ReportKind;
  /** 0 while nothing is stored (the defaults are shown); a save must carry the version it saw. */
  version: number;
  stored: boolean;
}

// ---------------------------------------------------------------- settings and narrative

function findReport(db: DbOrTx, termId: number, kind: ReportKind) {
  return db
    .select()
    .from(s.reports)
    .where(and(eq(s.reports.termId, termId), eq(s.reports.kind, kind)))
    .get();
}

function sectionsOf(db: DbOrTx, reportId: number): ReportSection[] {
  const rows = db
    .select()
    .from(s.reportSections)
    .where(eq(s.reportSections.reportId, reportId))
    .orderBy(asc(s.reportSections.sortOrder))
    .all();
  // Every part is always there, in its order, even if an older row set lacks one.
  return REPORT_SECTIONS.map((def) => {
    const row = rows.find((r) => r.key === def.key);
    return { key: def.key, title: row?.title ?? def.title, body: row?.body ?? '' };
  });
}

/** The report's settings and narrative: stored ones, or the defaults for the term (version 0). */
export function getReportSettings(db: DbOrTx, termId: number, kind: ReportKind): ReportSettings {
  const term = getTerm(db, termId);
  const row = findReport(db, termId, kind);
  if (!row) return { ...defaultSettings(db, term, kind), termId, kind, version: 0, stored: false };
  return {
    termId,
    kind,
    issuingBody: row.issuingBody,
    documentNumber: row.documentNumber,
    place: row.place,
    reportDate: row.reportDate,
    asOf: row.asOf,
    title: row.title,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    recipients: row.recipients,
    sections: sectionsOf(db, row.id),
    version: row.version,
    stored: true,
  };
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

function defaultAsOf(term: Term, kind: ReportKind): string {
  if (kind === 'end_of_term') return term.endDate;
  if (kind === 'mid_term') return term.midTermDate;
  return term.defaultAsOf ?? term.midTermDate;
}

/** Defaults from the term; the demo's illustrative term gets the demo's report (see DEMO_REPORT). */
export function defaultSettings(db: DbOrTx, term: Term, kind: ReportKind): ReportSettingsInput {
  if (kind === 'mid_term' && term.illustrative && getMeta(db, 'demo') === 'true') {
    return { ...DEMO_REPORT, sections: DEMO_REPORT.sections.map((x) => ({ ...x })) };
  }
  const owner = db.select().from(s.units).where(eq(s.units.id, term.ownerUnitId)).get();
  const organisation = getMeta(db, 'organisation') ?? owner?.name ?? '';
  const resolution = `Nghị quyết ${term.name}`;
  const title =
    kind === 'mid_term'
      ? `BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện ${resolution}`
      : kind === 'end_of_term'
        ? `BÁO CÁO Tổng kết nhiệm kỳ thực hiện ${resolution}`
        : `BÁO CÁO Kết quả thực hiện các chỉ tiêu ${resolution}`;
  return {
    issuingBody: organisation ? [upper(organisation), 'BAN THƯỜNG VỤ'] : ['BAN THƯỜNG VỤ'],
    documentNumber: '',
    place: '',
    reportDate: null,
    asOf: defaultAsOf(term, kind),
    title,
    signerTitle: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
    signerName: '',
    recipients: ['Lưu: VT.'],
    sections: REPORT_SECTIONS.map((x) => ({ key: x.key, title: x.title, body: '' })),
  };
}

/**
 * Save the settings and narrative (manager or admin of the term's unit). `version` is the one the
 * user saw (0 when nothing was stored yet); another save in between answers 409. One transaction
 * with its audit event and the revision bump.
 */
export function saveReportSettings(
  db: DbOrTx,
  actor: Actor | 'system',
  input: { termId: number; kind: ReportKind; version: number; settings: ReportSettingsInput },
): ReportSettings {
  const term = getTerm(db, input.termId);
  if (actor !== 'system') authorize(db, actor, 'manage_targets', term.ownerUnitId);
  const settings = normaliseSettings(term, input.settings);
  return db.transaction((tx) => {
    const before = findReport(tx, term.id, input.kind);
    const current = before?.version ?? 0;
    if (current !== input.version) {
      throw conflict('Báo cáo vừa được người khác sửa. Hãy tải lại để xem bản mới rồi sửa tiếp.', {
        currentVersion: current,
      });
    }
    const beforeView = before ? getReportSettings(tx, term.id, input.kind) : null;
    const values = {
      issuingBody: settings.issuingBody,
      documentNumber: settings.documentNumber,
      place: settings.place,
      reportDate: settings.reportDate,
      asOf: settings.asOf,
      title: settings.title,
      signerTitle: settings.signerTitle,
      signerName: settings.signerName,
      recipients: settings.recipients,
      version: current + 1,
    };
    const row = before
      ? tx.update(s.reports).set(values).where(eq(s.reports.id, before.id)).returning().get()
      : tx
          .insert(s.reports)
          .values({ termId: term.id, kind: input.kind, ...values })
          .returning()
          .get();
    tx.delete(s.reportSections).where(eq(s.reportSections.reportId, row.id)).run();
    tx.insert(s.reportSections)
      .values(settings.sections.map((x, i) => ({ reportId: row.id, ...x, sortOrder: i })))
      .run();
    const after = getReportSettings(tx, term.id, input.kind);
    tx.insert(s.auditEvents)
      .values({
        userId: actor === 'system' ? null : actor.id,
        entity: 'report',
        entityId: `${term.id}:${input.kind}`,
        unitId: term.ownerUnitId,
        action: before ? 'update' : 'create',
        before: beforeView,
        after,
      })
      .run();
    bumpRevision(tx);
    return after;
  });
}

/** Trim, check dates against the term, and put the sections in their fixed order. */
function normaliseSettings(term: Term, input: ReportSettingsInput): ReportSettingsInput {
  if (input.asOf < term.startDate || input.asOf > term.endDate) {
    throw invalid(
      `Ngày số liệu của báo cáo phải nằm trong nhiệm kỳ (${formatDate(term.startDate)} – ${formatDate(term.endDate)}).`,
      { param: 'asOf' },
    );
  }
  const lines = (list: string[]) => list.map((x) => x.trim()).filter((x) => x !== '');
  const seen = new Set<string>();
  for (const x of input.sections) {
    if (seen.has(x.key)) throw invalid(`Phần “${x.title}” bị lặp lại.`, { param: 'sections' });
    seen.add(x.key);
  }
  return {
    issuingBody: lines(input.issuingBody),
    documentNumber: input.documentNumber.trim(),
    place: input.place.trim(),
    reportDate: input.reportDate,
    asOf: input.asOf,
    title: input.title.trim(),
    signerTitle: lines(input.signerTitle),
    signerName: input.signerName.trim(),
    recipients: lines(input.recipients),
    sections: REPORT_SECTIONS.map((def) => {
      const given = input.sections.find((x) => x.key === def.key);
      return { key: def.key, title: given?.title.trim() || def.title, body: given?.body ?? '' };
    }),
  };
}

/**
 * The demo's mid-term report, drawn from the news report of the review conference (Báo Bình Thuận,
 * 10/07/2024). The number, the signer and the wording of parts II–V are illustrative (ours).
 */
export const DEMO_REPORT: ReportSettingsInput = {
  issuingBody: ['HỘI LHPN TỈNH BÌNH THUẬN', 'BAN THƯỜNG VỤ'],
  documentNumber: '45-BC/HPN',
  place: 'Phan Thiết',
  reportDate: '2024-07-10',
  asOf: '2024-06-30',
  title:
    'BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021 – 2026',
  signerTitle: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
  signerName: 'Nguyễn Thị A',
  recipients: [
    'Đoàn Chủ tịch TW Hội LHPN Việt Nam (b/c);',
    'Thường trực Tỉnh ủy (b/c);',
    'Ban Dân vận Tỉnh ủy (b/c);',
    'UBND tỉnh;',
    'Ủy ban MTTQ Việt Nam tỉnh;',
    'Ủy viên BCH Hội LHPN tỉnh;',
    'Hội LHPN các huyện, thị xã, thành phố;',
    'Lưu: VT.',
  ],
  sections: [
    {
      key: 'ket_qua',
      title: 'Kết quả đạt được',
      body: [
        'Qua nửa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh lần thứ XV và Nghị quyết Đại hội đại biểu Phụ nữ toàn quốc, các cấp Hội trong tỉnh đã tích cực, chủ động đổi mới nội dung, phương thức hoạt động, bám sát nhu cầu, nguyện vọng của các tầng lớp phụ nữ.',
        'Thực hiện khâu đột phá “Cán bộ Hội các cấp ứng dụng công nghệ thông tin trong tổ chức triển khai, thực hiện các hoạt động của Hội”, Hội LHPN tỉnh tập trung xây dựng mô hình điểm “Tổ hỗ trợ phụ nữ chuyển đổi số”, khuyến khích cơ sở, cán bộ Hội phát huy các trang mạng xã hội để thực hiện nhiệm vụ công tác. Công tác bình đẳng giới vì sự tiến bộ của phụ nữ được quan tâm; nhiều chủ trương, chính sách liên quan đến công tác phụ nữ được cụ thể hóa, tạo điều kiện thuận lợi cho phụ nữ phát triển toàn diện.',
        'Kết quả thực hiện từng chỉ tiêu Nghị quyết được tổng hợp tại bảng và biểu đồ dưới đây.',
      ].join('\n'),
    },
    {
      key: 'han_che',
      title: 'Hạn chế, yếu kém',
      body: [
        'Chỉ tiêu hỗ trợ thành lập mới hợp tác xã, tổ hợp tác do phụ nữ quản lý đạt thấp so với tiến độ Nghị quyết.',
        'Chất lượng giám sát, phản biện xã hội, tham gia góp ý xây dựng Đảng, xây dựng chính quyền ở một số nơi, nhất là cấp huyện và xã, chưa cao. Việc phát triển chi, tổ Hội ở vùng đồng bào dân tộc thiểu số, vùng có đạo còn khó khăn.',
      ].join('\n'),
    },
    {
      key: 'nguyen_nhan',
      title: 'Nguyên nhân',
      body: 'Bối cảnh kinh tế - xã hội còn nhiều khó khăn, thách thức, ảnh hưởng đến đời sống và việc làm của phụ nữ. Một số cấp Hội chưa chủ động đổi mới phương thức hoạt động hướng về cơ sở; nguồn lực hỗ trợ phụ nữ phát triển kinh tế tập thể còn hạn chế.',
    },
    {
      key: 'bai_hoc',
      title: 'Bài học kinh nghiệm',
      body: 'Bám sát nhiệm vụ trọng tâm của Trung ương Hội và nghị quyết chuyên đề của Tỉnh ủy; đổi mới phương thức hoạt động hướng về cơ sở; chia sẻ, nhân rộng cách làm hay trong thực hiện các khâu đột phá, giúp hộ nghèo do phụ nữ làm chủ hộ thoát nghèo và phong trào thi đua “Xây dựng người Phụ nữ Việt Nam thời đại mới”.',
    },
    {
      key: 'nhiem_vu',
      title: 'Nhiệm vụ, giải pháp nửa nhiệm kỳ còn lại',
      body: [
        'Đổi mới toàn diện, nâng cao chất lượng, hiệu quả hoạt động Hội; nhân rộng các mô hình, phong trào gắn với từng lĩnh vực, thực tiễn ở địa phương, trong đó có chuyển đổi số, cải cách hành chính, tham gia vệ sinh môi trường, trồng cây xanh.',
        'Nâng cao chất lượng giám sát, phản biện xã hội; tập trung phát triển chi, tổ Hội, nhất là ở vùng đồng bào dân tộc thiểu số, vùng có đạo; mạnh dạn đề xuất cán bộ nữ có năng lực để quy hoạch, đào tạo, bồi dưỡng, giới thiệu ứng cử các chức danh lãnh đạo, quản lý.',
        'Tập trung hỗ trợ thành lập hợp tác xã, tổ hợp tác do phụ nữ quản lý để hoàn thành chỉ tiêu còn lại của Nghị quyết.',
      ].join('\n'),
    },
  ],
};

/**
 * Store the demo's mid-term report for a term (call it from the demo seed). Does nothing if the term
 * already has a stored mid-term report.
 */
export function seedDemoReport(db: DbOrTx, termId: number): void {
  if (findReport(db, termId, 'mid_term')) return;
  saveReportSettings(db, 'system', {
    termId,
    kind: 'mid_term',
    version: 0,
    settings: { ...DEMO_REPORT, sections: DEMO_REPORT.sections.map((x) => ({ ...x })) },
  });
}

// ---------------------------------------------------------------- figures

export interface ReportBreakdown {
  targetId: number;
  rows: BreakdownRow[];
}

export interface ReportSeries {
  targetId: number;
  points: SeriesPoint[];
}

/** A unit of the scope's subtree for the raw data: depth relative to the scope's unit (0). */
export interface RawUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  depth: number;
}

/** One figure of the raw data: a subtree's figure for one indicator of a target in one period. */
export interface RawRow {
  unitId: number;
  targetId: number;
  indicatorId: number;
  primary: boolean;
  periodId: number;
  figure: ReturnType<FigureReader['figure']>;
}

export interface ReportData extends DashboardSummary {
  /** Whether any target has a reported figure at this scope. */
  hasResults: boolean;
  /** Child units of the scope's unit, in their order (the appendix and the breakdowns). */
  children: (TreeUnit & { hasChildren: boolean })[];
  breakdowns: ReportBreakdown[];
  series: ReportSeries[];
  /** Unit × target indicator × period, for the raw data sheet and the CSV (only when asked). */
  raw?: { units: RawUnit[]; periods: PeriodRow[]; rows: RawRow[] };
}

/**
 * The figures of a report for a scope, from the dashboard's own functions. Cheap (a handful of
 * queries on the roll-up table); the raw data walks the subtree and is built only when asked.
 */
export function reportData(db: DbOrTx, scope: Scope, options: { raw?: boolean } = {}): ReportData {
  const summary = dashboardSummary(db, scope);
  const children = childUnits(db, scope.structureVersionId, scope.unit.id);
  const breakdowns = summary.targets.map((t) => ({
    targetId: t.id,
    rows: children.length > 0 ? targetBreakdown(db, scope, t.id).rows : [],
  }));
  const series = summary.targets.map((t) => ({
    targetId: t.id,
    points: targetSeries(db, scope, t.id).points,
  }));
  const data: ReportData = {
    ...summary,
    hasResults: summary.targets.some((t) => t.figure.value !== null),
    children,
    breakdowns,
    series,
  };
  if (options.raw) data.raw = rawData(db, scope, summary);
  return data;
}

function rawData(db: DbOrTx, scope: Scope, summary: DashboardSummary): NonNullable<ReportData['raw']> {
  const tree = unitTree(db, scope.structureVersionId);
  const byParent = new Map<number | null, TreeUnit[]>();
  for (const u of tree) {
    const list = byParent.get(u.parentId) ?? [];
    list.push(u);
    byParent.set(u.parentId, list);
  }
  const codeOf = new Map(tree.map((u) => [u.id, u.code]));
  const units: RawUnit[] = [];
  const visit = (u: TreeUnit, depth: number) => {
    units.push({
      id: u.id,
      code: u.code,
      name: u.name,
      type: u.type,
      parentCode: u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
      depth,
    });
    for (const child of byParent.get(u.id) ?? []) visit(child, depth + 1);
  };
  const root = tree.find((u) => u.id === scope.unit.id);
  if (root) visit(root, 0);

  const reader = new FigureReader(db, scope).load(units.map((u) => u.id));
  const periodsSeen = new Map<number, PeriodRow>();
  const rows: RawRow[] = [];
  for (const unit of units) {
    for (const target of summary.targets) {
      for (const [i, indicator] of [target.indicator, ...target.related].entries()) {
        for (const period of reader.periods(indicator.frequency)) {
          periodsSeen.set(period.id, period);
          rows.push({
            unitId: unit.id,
            targetId: target.id,
            indicatorId: indicator.id,
            primary: i === 0,
            periodId: period.id,
            figure: reader.figureOver(unit.id, indicator, new Set([period.id])),
          });
        }
      }
    }
  }
  const periods = [...periodsSeen.values()].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  return { units, periods, rows };
}

// ---------------------------------------------------------------- issued reports

/** The scope an issued report was built for: enough to rebuild the live figures for comparison. */
export interface IssuedScope {
  unitId: number;
  asOf: string;
  basis: 'approved' | 'submitted';
  structureVersionId: number;
}

export interface IssuedReportInfo {
  id: number;
  issuedAt: string;
  issuedBy: number | null;
  issuedByName: string | null;
  scope: IssuedScope & { unitName: string };
  headline: { done: number; counted: number } | null;
  bytes: number;
}

/**
 * Keep an issued report: the DOCX exactly as issued and the snapshot of its figures. Needs the right
 * to manage targets over the scope's unit. Stores the settings first if they were only defaults.
 */
export function issueReport(
  db: DbOrTx,
  actor: Actor | 'system',
  input: { termId: number; kind: ReportKind; scope: Scope; snapshot: unknown; docx: Uint8Array },
): IssuedReportInfo {
  if (actor !== 'system') authorize(db, actor, 'manage_targets', input.scope.unit.id);
  return db.transaction((tx) => {
    let report = findReport(tx, input.termId, input.kind);
    if (!report) {
      const settings = getReportSettings(tx, input.termId, input.kind);
      saveReportSettings(tx, 'system', {
        termId: input.termId,
        kind: input.kind,
        version: 0,
        settings,
      });
      report = findReport(tx, input.termId, input.kind);
      if (!report) throw new Error('report row missing after save');
    }
    const row = tx
      .insert(s.issuedReports)
      .values({
        reportId: report.id,
        issuedBy: actor === 'system' ? null : actor.id,
        snapshot: input.snapshot,
        docx: Buffer.from(input.docx.buffer, input.docx.byteOffset, input.docx.byteLength),
      })
      .returning({ id: s.issuedReports.id })
      .get();
    const info = issuedInfo(tx, row.id);
    tx.insert(s.auditEvents)
      .values({
        userId: actor === 'system' ? null : actor.id,
        entity: 'issued_report',
        entityId: String(row.id),
        unitId: input.scope.unit.id,
        action: 'issue',
        before: null,
        after: { termId: input.termId, kind: input.kind, scope: info.scope, headline: info.headline },
      })
      .run();
    bumpRevision(tx);
    return info;
  });
}

interface StoredSnapshot {
  scope?: Partial<IssuedScope> & { unitName?: string };
  headline?: { done: number; counted: number };
}

function issuedInfo(db: DbOrTx, id: number): IssuedReportInfo {
  const row = db
    .select({
      id: s.issuedReports.id,
      issuedAt: s.issuedReports.issuedAt,
      issuedBy: s.issuedReports.issuedBy,
      issuedByName: s.users.displayName,
      snapshot: s.issuedReports.snapshot,
      bytes: sql<number>`coalesce(length(${s.issuedReports.docx}), 0)`,
    })
    .from(s.issuedReports)
    .leftJoin(s.users, eq(s.users.id, s.issuedReports.issuedBy))
    .where(eq(s.issuedReports.id, id))
    .get();
  if (!row) throw notFound(`Không tìm thấy bản báo cáo đã ban hành ${id}.`);
  return toInfo(row);
}

function toInfo(row: {
  id: number;
  issuedAt: string;
  issuedBy: number | null;
  issuedByName: string | null;
  snapshot: unknown;
  bytes: number;
}): IssuedReportInfo {
  const snap = (row.snapshot ?? {}) as StoredSnapshot;
  return {
    id: row.id,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    issuedByName: row.issuedByName,
    scope: {
      unitId: snap.scope?.unitId ?? 0,
      unitName: snap.scope?.unitName ?? '',
      asOf: snap.scope?.asOf ?? '',
      basis: snap.scope?.basis ?? 'approved',
      structureVersionId: snap.scope?.structureVersionId ?? 0,
    },
    headline: snap.headline ?? null,
    bytes: row.bytes,
  };
}

/** Issued versions of a term's report, newest first, that the actor may read (by their scope's unit). */
export function listIssuedReports(
  db: DbOrTx,
  actor: Actor | 'system',
  termId: number,
  kind: ReportKind,
): (IssuedReportInfo & { snapshot: unknown })[] {
  getTerm(db, termId);
  const report = findReport(db, termId, kind);
  if (!report) return [];
  const rows = db
    .select({
      id: s.issuedReports.id,
      issuedAt: s.issuedReports.issuedAt,
      issuedBy: s.issuedReports.issuedBy,
      issuedByName: s.users.displayName,
      snapshot: s.issuedReports.snapshot,
      // The size only: never load every file to list them.
      bytes: sql<number>`coalesce(length(${s.issuedReports.docx}), 0)`,
    })
    .from(s.issuedReports)
    .leftJoin(s.users, eq(s.users.id, s.issuedReports.issuedBy))
    .where(eq(s.issuedReports.reportId, report.id))
    .orderBy(desc(s.issuedReports.issuedAt), desc(s.issuedReports.id))
    .all();
  return rows
    .map((row) => ({ ...toInfo(row), snapshot: row.snapshot }))
    .filter((info) => actor === 'system' || can(db, actor, 'read', info.scope.unitId));
}

/** One issued report's file, as stored, with its info. */
export function getIssuedReport(
  db: DbOrTx,
  actor: Actor | 'system',
  termId: number,
  kind: ReportKind,
  issuedId: number,
): IssuedReportInfo & { docx: Buffer; snapshot: unknown } {
  const report = findReport(db, termId, kind);
  const row = report
    ? db
        .select()
        .from(s.issuedReports)
        .where(and(eq(s.issuedReports.id, issuedId), eq(s.issuedReports.reportId, report.id)))
        .get()
    : undefined;
  if (!row?.docx) throw notFound(`Không tìm thấy bản báo cáo đã ban hành ${issuedId}.`);
  const info = issuedInfo(db, row.id);
  if (actor !== 'system') authorize(db, actor, 'read', info.scope.unitId);
  return { ...info, docx: row.docx, snapshot: row.snapshot };
}
