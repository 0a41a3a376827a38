/**
 * The report of a term (DESIGN.md "Report"): header settings and narrative per term and kind, the
 * figures it shows, and issued versions with their frozen snapshot and file.
 *
 * Every figure comes from the dashboard's functions (dashboardSummary, targetBreakdown,
 * targetSeries, FigureReader over the roll-up table), so an export equals the dashboard to the đồng.
 * Files are built elsewhere (@chitieu/reports); this module only reads and writes the database.
 */
import {
  type Basis,
  conflict,
  DOCUMENT_NUMBER_PATTERN,
  DOCUMENT_SYMBOL_PATTERN,
  defaultPlace,
  documentNumberValue,
  documentReference,
  formatDate,
  invalid,
  letterheadCase,
  notFound,
  organisationStyle,
  REPORT_SYMBOL,
  textProblem,
  unitInSentence,
  unitOrganisationName,
} from '@chitieu/core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Actor, authorize, can } from './access.ts';
import type { DbOrTx } from './client.ts';
import { FigureReader, type PeriodRow } from './figures/figure-reader.ts';
import type { Scope } from './figures/scope.ts';
import { childUnits, type TreeUnit, unitTree } from './figures/unit-tree.ts';
import { type BreakdownRow, targetBreakdown } from './figures/views/breakdown.ts';
import { type DashboardSummary, dashboardSummary } from './figures/views/overview.ts';
import { type SeriesPoint, targetSeries } from './figures/views/series.ts';
import { getTerm, getUnit, PERIOD_COLUMNS, type Term, type UnitRow } from './lookups.ts';
import { bumpRevision, getMeta } from './revision.ts';
import * as s from './schema.ts';
import { stmt } from './statements.ts';

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
  /** Letterhead: the parent organisation's line(s), printed in capitals ("HỘI LHPN TỈNH BÌNH THUẬN"). */
  parentBody: string[];
  /** Letterhead: the issuing body itself, printed in bold capitals ("BAN THƯỜNG VỤ"). */
  issuingBody: string[];
  /** The national motto block at the top right ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM …"). */
  motto: boolean;
  /** The number alone ("45"), '' until the office gives one; printed "Số: 45/BC-HPN". */
  documentNumber: string;
  /** The symbol after the number ("BC-HPN"). */
  documentSymbol: string;
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
  /** The unit whose report this is. */
  unitId: number;
  /** 0 while nothing is stored (the defaults are shown); a save must carry the version it saw. */
  version: number;
  stored: boolean;
}

// ---------------------------------------------------------------- settings and narrative

function findReport(db: DbOrTx, termId: number, kind: ReportKind, unitId: number) {
  return db
    .select()
    .from(s.reports)
    .where(and(eq(s.reports.termId, termId), eq(s.reports.kind, kind), eq(s.reports.unitId, unitId)))
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

/**
 * A unit's report settings and narrative for a term and kind: stored ones, or the defaults drawn
 * from the unit's own name (version 0). Without a unit, the term's own unit's.
 */
export function getReportSettings(
  db: DbOrTx,
  termId: number,
  kind: ReportKind,
  unitId?: number,
): ReportSettings {
  const term = getTerm(db, termId);
  const unit = getUnit(db, unitId ?? term.ownerUnitId);
  const row = findReport(db, termId, kind, unit.id);
  if (!row) {
    return {
      ...defaultSettings(db, term, kind, unit),
      termId,
      kind,
      unitId: unit.id,
      version: 0,
      stored: false,
    };
  }
  return {
    termId,
    kind,
    unitId: unit.id,
    parentBody: row.parentBody,
    issuingBody: row.issuingBody,
    motto: row.motto,
    documentNumber: row.documentNumber,
    documentSymbol: row.documentSymbol,
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

function defaultAsOf(term: Term, kind: ReportKind): string {
  if (kind === 'end_of_term') return term.endDate;
  if (kind === 'mid_term') return term.midTermDate;
  return term.defaultAsOf ?? term.midTermDate;
}

/** Where a unit sits: its parent and whether it has units below it, in the newest structure holding it. */
function unitPlace(db: DbOrTx, unitId: number) {
  const row = stmt<{ parentId: number | null; hasChildren: number }>(
    db,
    `SELECT p.parent_id AS parentId,
            EXISTS (SELECT 1 FROM placements c WHERE c.structure_version_id = p.structure_version_id
                    AND c.parent_id = p.unit_id) AS hasChildren
     FROM placements p WHERE p.unit_id = ? ORDER BY p.structure_version_id DESC LIMIT 1`,
  ).get(unitId);
  return { parentId: row?.parentId ?? null, hasChildren: row?.hasChildren === 1 };
}

/** The organisation's style (@chitieu/core) from its name and the root unit of its newest structure. */
function styleOf(db: DbOrTx) {
  const organisation = getMeta(db, 'organisation') ?? null;
  const root = stmt<{ name: string }>(
    db,
    `SELECT u.name FROM placements p JOIN units u ON u.id = p.unit_id
     WHERE p.parent_id IS NULL ORDER BY p.structure_version_id DESC, p.sort_order LIMIT 1`,
  ).get();
  return { organisation, style: organisationStyle(organisation, root?.name) };
}

/**
 * Defaults for a unit's report, from its own name and type (Decree 30): letterhead "HỘI LHPN THÀNH
 * PHỐ PHAN THIẾT / BAN THƯỜNG VỤ" (a unit without units below it has a Ban Chấp hành), the national
 * motto where the organisation's documents carry it, number "Số: …/BC-HPN", the place from the
 * unit's name, a title that names the unit, the recipients above it. The demo's illustrative term
 * gets the demo's report at its own unit (DEMO_REPORT).
 */
export function defaultSettings(
  db: DbOrTx,
  term: Term,
  kind: ReportKind,
  unit: UnitRow,
): ReportSettingsInput {
  const own = unit.id === term.ownerUnitId;
  if (own && kind === 'mid_term' && term.illustrative && getMeta(db, 'demo') === 'true') {
    return { ...DEMO_REPORT, sections: DEMO_REPORT.sections.map((x) => ({ ...x })) };
  }
  const { organisation, style } = styleOf(db);
  const place = unitPlace(db, unit.id);
  const name = unitOrganisationName(style, unit, { isRoot: place.parentId === null, organisation });
  const body = place.hasChildren ? 'BAN THƯỜNG VỤ' : 'BAN CHẤP HÀNH';
  const recipients = ['Lưu: VT.'];
  if (place.parentId !== null) {
    const parent = getUnit(db, place.parentId);
    const parentName = unitOrganisationName(style, parent, {
      isRoot: unitPlace(db, parent.id).parentId === null,
      organisation,
    });
    recipients.unshift(`Ban Thường vụ ${parentName} (b/c);`);
  }
  const resolution = `Nghị quyết ${term.name}`;
  const where = own ? '' : ` tại ${unitInSentence(unit.name)}`;
  const title =
    kind === 'mid_term'
      ? `BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện ${resolution}${where}`
      : kind === 'end_of_term'
        ? `BÁO CÁO Tổng kết nhiệm kỳ thực hiện ${resolution}${where}`
        : `BÁO CÁO Kết quả thực hiện các chỉ tiêu ${resolution}${where}`;
  return {
    parentBody: [letterheadCase(name)],
    issuingBody: [body],
    motto: style.motto,
    documentNumber: '',
    documentSymbol: `${REPORT_SYMBOL}-${style.symbol}`,
    place: defaultPlace(unit),
    reportDate: null,
    asOf: defaultAsOf(term, kind),
    title,
    signerTitle: [`TM. ${body}`, 'CHỦ TỊCH'],
    signerName: '',
    recipients,
    sections: REPORT_SECTIONS.map((x) => ({ key: x.key, title: x.title, body: '' })),
  };
}

/**
 * Save a unit's settings and narrative (manager or admin of that unit). `version` is the one the
 * user saw (0 when nothing was stored yet); another save in between answers 409. One transaction
 * with its audit event and the revision bump.
 */
export function saveReportSettings(
  db: DbOrTx,
  actor: Actor | 'system',
  input: {
    termId: number;
    kind: ReportKind;
    unitId?: number;
    version: number;
    settings: ReportSettingsInput;
  },
): ReportSettings {
  const term = getTerm(db, input.termId);
  const unitId = input.unitId ?? term.ownerUnitId;
  getUnit(db, unitId);
  if (actor !== 'system') authorize(db, actor, 'manage_targets', unitId);
  const settings = normaliseSettings(term, input.settings);
  return db.transaction((tx) => {
    const before = findReport(tx, term.id, input.kind, unitId);
    const current = before?.version ?? 0;
    if (current !== input.version) {
      throw conflict('Báo cáo vừa được người khác sửa. Hãy tải lại để xem bản mới rồi sửa tiếp.', {
        currentVersion: current,
      });
    }
    const beforeView = before ? getReportSettings(tx, term.id, input.kind, unitId) : null;
    const values = {
      parentBody: settings.parentBody,
      issuingBody: settings.issuingBody,
      motto: settings.motto,
      documentNumber: settings.documentNumber,
      documentSymbol: settings.documentSymbol,
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
          .values({ termId: term.id, kind: input.kind, unitId, ...values })
          .returning()
          .get();
    tx.delete(s.reportSections).where(eq(s.reportSections.reportId, row.id)).run();
    tx.insert(s.reportSections)
      .values(settings.sections.map((x, i) => ({ reportId: row.id, ...x, sortOrder: i })))
      .run();
    const after = getReportSettings(tx, term.id, input.kind, unitId);
    tx.insert(s.auditEvents)
      .values({
        userId: actor === 'system' ? null : actor.id,
        entity: 'report',
        entityId: `${term.id}:${input.kind}:${unitId}`,
        unitId,
        action: before ? 'update' : 'create',
        before: beforeView,
        after,
      })
      .run();
    bumpRevision(tx);
    return after;
  });
}

/** Labels of the settings' fields, for messages about them. */
const FIELD_LABELS = {
  parentBody: 'Tên cơ quan chủ quản',
  issuingBody: 'Tên cơ quan ban hành',
  documentNumber: 'Số văn bản',
  documentSymbol: 'Ký hiệu văn bản',
  place: 'Địa danh',
  title: 'Tên báo cáo',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  recipients: 'Nơi nhận',
} as const;

/** Refuse a character that cannot go into a document (@chitieu/core text.ts), naming the field. */
function checkText(param: string, label: string, text: string, multiline = false) {
  const problem = textProblem(label, text, { multiline });
  if (problem) throw invalid(problem, { param });
}

/** Trim, check text, the number and the dates against the term, and put the sections in their order. */
function normaliseSettings(term: Term, input: ReportSettingsInput): ReportSettingsInput {
  if (input.asOf < term.startDate || input.asOf > term.endDate) {
    throw invalid(
      `Ngày số liệu của báo cáo phải nằm trong nhiệm kỳ (${formatDate(term.startDate)} – ${formatDate(term.endDate)}).`,
      { param: 'asOf' },
    );
  }
  if (input.reportDate !== null && input.reportDate < input.asOf) {
    throw invalid(
      `Ngày văn bản (${formatDate(input.reportDate)}) không được trước ngày số liệu (${formatDate(input.asOf)}).`,
      { param: 'reportDate' },
    );
  }
  for (const key of ['parentBody', 'issuingBody', 'signerTitle', 'recipients'] as const) {
    for (const line of input[key]) checkText(key, FIELD_LABELS[key], line);
  }
  for (const key of ['documentNumber', 'documentSymbol', 'place', 'signerName'] as const) {
    checkText(key, FIELD_LABELS[key], input[key]);
  }
  checkText('title', FIELD_LABELS.title, input.title, true);
  for (const x of input.sections) {
    checkText('sections', `Tên phần “${x.title}”`, x.title);
    checkText('sections', `Nội dung phần “${x.title}”`, x.body, true);
  }
  const number = input.documentNumber.trim();
  if (number !== '' && !DOCUMENT_NUMBER_PATTERN.test(number)) {
    throw invalid(`Số văn bản chỉ gồm chữ số (ví dụ 45), không phải “${number}”; ký hiệu ghi ở ô riêng.`, {
      param: 'documentNumber',
    });
  }
  const symbol = input.documentSymbol.trim();
  if (symbol !== '' && !DOCUMENT_SYMBOL_PATTERN.test(symbol)) {
    throw invalid(
      `Ký hiệu văn bản chỉ gồm chữ, số và các dấu - . / & (ví dụ BC-HPN), không phải “${symbol}”.`,
      {
        param: 'documentSymbol',
      },
    );
  }
  const lines = (list: string[]) => list.map((x) => x.trim()).filter((x) => x !== '');
  const seen = new Set<string>();
  for (const x of input.sections) {
    if (seen.has(x.key)) throw invalid(`Phần “${x.title}” bị lặp lại.`, { param: 'sections' });
    seen.add(x.key);
  }
  return {
    parentBody: lines(input.parentBody),
    issuingBody: lines(input.issuingBody),
    motto: input.motto,
    documentNumber: number,
    documentSymbol: symbol,
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
  parentBody: ['HỘI LHPN TỈNH BÌNH THUẬN'],
  issuingBody: ['BAN THƯỜNG VỤ'],
  motto: true,
  documentNumber: '45',
  documentSymbol: 'BC-HPN',
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
  if (findReport(db, termId, 'mid_term', getTerm(db, termId).ownerUnitId)) return;
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
  /** Every reporting period, to name the one a figure stands at ("6 tháng cuối năm 2025"). */
  periods: PeriodRow[];
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
    periods: stmt<PeriodRow>(db, `SELECT ${PERIOD_COLUMNS} FROM periods ORDER BY start_date, kind`).all(),
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
  basis: Basis;
  structureVersionId: number;
}

export interface IssuedReportInfo {
  id: number;
  kind: ReportKind;
  issuedAt: string;
  issuedBy: number | null;
  issuedByName: string | null;
  /** As printed after "Số:" ("45/BC-HPN"); null for an issue without a number (before numbers were checked). */
  documentNumber: string | null;
  documentDate: string | null;
  scope: IssuedScope & { unitName: string };
  headline: { done: number; counted: number } | null;
  bytes: number;
}

const KIND_NAMES: Record<ReportKind, string> = {
  mid_term: 'sơ kết giữa nhiệm kỳ',
  end_of_term: 'tổng kết nhiệm kỳ',
  yearly: 'năm',
};

/**
 * Whether a unit's report can be issued with these settings at this as-of date: it needs a number
 * (once per unit, kind and year of the document date) and a document date no earlier than the data.
 * Throws the reason (400, or 409 for a number already used).
 */
export function assertIssuable(
  db: DbOrTx,
  input: { kind: ReportKind; unitId: number; asOf: string; settings: ReportSettingsInput },
): void {
  const { settings } = input;
  const value = documentNumberValue(settings.documentNumber);
  if (value === null) {
    throw invalid('Chưa có số văn bản: hãy điền “Số văn bản” trong thiết lập báo cáo rồi ban hành.', {
      param: 'documentNumber',
    });
  }
  const date = settings.reportDate;
  if (date === null) {
    throw invalid('Chưa có ngày văn bản: hãy điền “Ngày báo cáo” trong thiết lập báo cáo rồi ban hành.', {
      param: 'reportDate',
    });
  }
  if (date < input.asOf) {
    throw invalid(
      `Ngày văn bản (${formatDate(date)}) không được trước ngày số liệu (${formatDate(input.asOf)}): hãy sửa ngày báo cáo hoặc ngày số liệu.`,
      { param: 'reportDate' },
    );
  }
  const taken = stmt<{ id: number; documentNumber: string | null; documentDate: string | null }>(
    db,
    `SELECT id, document_number AS documentNumber, document_date AS documentDate FROM issued_reports
     WHERE unit_id = ? AND kind = ? AND document_year = ? AND number_value = ?`,
  ).get(input.unitId, input.kind, Number(date.slice(0, 4)), value);
  if (taken) {
    const unit = getUnit(db, input.unitId);
    throw conflict(
      `Số ${documentReference(settings.documentNumber, settings.documentSymbol)} đã dùng cho báo cáo ${KIND_NAMES[input.kind]} của ${unit.name} năm ${date.slice(0, 4)} (bản ban hành số ${taken.documentNumber ?? taken.id}${taken.documentDate ? ` ngày ${formatDate(taken.documentDate)}` : ''}). Hãy dùng số khác.`,
      { param: 'documentNumber', issuedId: taken.id },
    );
  }
}

/**
 * Keep an issued report: the DOCX exactly as issued and the snapshot of its figures, under the
 * unit's number and date. Needs the right to manage targets over the scope's unit. The settings the
 * file was built from must still be the current ones (`settingsVersion`, 0 for defaults, which are
 * then stored): otherwise 409, since the file would not say what the settings now say.
 */
export function issueReport(
  db: DbOrTx,
  actor: Actor | 'system',
  input: {
    termId: number;
    kind: ReportKind;
    scope: Scope;
    settingsVersion: number;
    snapshot: unknown;
    docx: Uint8Array;
  },
): IssuedReportInfo {
  const unitId = input.scope.unit.id;
  if (actor !== 'system') authorize(db, actor, 'manage_targets', unitId);
  return db.transaction((tx) => {
    const settings = getReportSettings(tx, input.termId, input.kind, unitId);
    if (settings.version !== input.settingsVersion) {
      throw conflict('Thiết lập báo cáo vừa được sửa trong lúc tạo tệp. Hãy ban hành lại.', {
        currentVersion: settings.version,
      });
    }
    assertIssuable(tx, { kind: input.kind, unitId, asOf: input.scope.asOf, settings });
    let report = findReport(tx, input.termId, input.kind, unitId);
    if (!report) {
      saveReportSettings(tx, 'system', {
        termId: input.termId,
        kind: input.kind,
        unitId,
        version: 0,
        settings,
      });
      report = findReport(tx, input.termId, input.kind, unitId);
      if (!report) throw new Error('report row missing after save');
    }
    const date = settings.reportDate as string;
    const row = tx
      .insert(s.issuedReports)
      .values({
        reportId: report.id,
        termId: input.termId,
        kind: input.kind,
        unitId,
        basis: input.scope.basis,
        asOf: input.scope.asOf,
        documentNumber: documentReference(settings.documentNumber, settings.documentSymbol),
        numberValue: documentNumberValue(settings.documentNumber),
        documentDate: date,
        documentYear: Number(date.slice(0, 4)),
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
        unitId,
        action: 'issue',
        before: null,
        after: {
          termId: input.termId,
          kind: input.kind,
          documentNumber: info.documentNumber,
          documentDate: info.documentDate,
          scope: info.scope,
          headline: info.headline,
        },
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

const INFO_COLUMNS = {
  id: s.issuedReports.id,
  kind: s.issuedReports.kind,
  unitId: s.issuedReports.unitId,
  basis: s.issuedReports.basis,
  asOf: s.issuedReports.asOf,
  documentNumber: s.issuedReports.documentNumber,
  documentDate: s.issuedReports.documentDate,
  issuedAt: s.issuedReports.issuedAt,
  issuedBy: s.issuedReports.issuedBy,
  issuedByName: s.users.displayName,
  unitName: s.units.name,
  snapshot: s.issuedReports.snapshot,
  // The size only: never load every file to list them.
  bytes: sql<number>`coalesce(length(${s.issuedReports.docx}), 0)`,
};

function infoQuery(db: DbOrTx) {
  return db
    .select(INFO_COLUMNS)
    .from(s.issuedReports)
    .leftJoin(s.users, eq(s.users.id, s.issuedReports.issuedBy))
    .innerJoin(s.units, eq(s.units.id, s.issuedReports.unitId));
}

type InfoRow = NonNullable<ReturnType<ReturnType<typeof infoQuery>['get']>>;

function issuedInfo(db: DbOrTx, id: number): IssuedReportInfo {
  const row = infoQuery(db).where(eq(s.issuedReports.id, id)).get();
  if (!row) throw notFound(`Không tìm thấy bản báo cáo đã ban hành ${id}.`);
  return toInfo(row);
}

function toInfo(row: InfoRow): IssuedReportInfo {
  const snap = (row.snapshot ?? {}) as StoredSnapshot;
  return {
    id: row.id,
    kind: row.kind,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    issuedByName: row.issuedByName,
    documentNumber: row.documentNumber,
    documentDate: row.documentDate,
    scope: {
      unitId: row.unitId,
      unitName: snap.scope?.unitName ?? row.unitName,
      asOf: row.asOf,
      basis: row.basis,
      structureVersionId: snap.scope?.structureVersionId ?? 0,
    },
    headline: snap.headline ?? null,
    bytes: row.bytes,
  };
}

/**
 * Issued versions of a term's report of a kind, newest first, that the actor may read (by their
 * scope's unit); only one unit's, and one basis's, when asked.
 */
export function listIssuedReports(
  db: DbOrTx,
  actor: Actor | 'system',
  termId: number,
  kind: ReportKind,
  filter: { unitId?: number; basis?: Basis } = {},
): (IssuedReportInfo & { snapshot: unknown })[] {
  getTerm(db, termId);
  const rows = infoQuery(db)
    .where(
      and(
        eq(s.issuedReports.termId, termId),
        eq(s.issuedReports.kind, kind),
        filter.unitId === undefined ? undefined : eq(s.issuedReports.unitId, filter.unitId),
        filter.basis === undefined ? undefined : eq(s.issuedReports.basis, filter.basis),
      ),
    )
    .orderBy(desc(s.issuedReports.issuedAt), desc(s.issuedReports.id))
    .all();
  return rows
    .filter((row) => actor === 'system' || can(db, actor, 'read', row.unitId))
    .map((row) => ({ ...toInfo(row), snapshot: row.snapshot }));
}

/** One issued report's file, as stored, with its info. */
export function getIssuedReport(
  db: DbOrTx,
  actor: Actor | 'system',
  termId: number,
  kind: ReportKind,
  issuedId: number,
): IssuedReportInfo & { docx: Buffer; snapshot: unknown } {
  const row = db
    .select({ id: s.issuedReports.id, docx: s.issuedReports.docx, snapshot: s.issuedReports.snapshot })
    .from(s.issuedReports)
    .where(
      and(
        eq(s.issuedReports.id, issuedId),
        eq(s.issuedReports.termId, termId),
        eq(s.issuedReports.kind, kind),
      ),
    )
    .get();
  if (!row?.docx) throw notFound(`Không tìm thấy bản báo cáo đã ban hành ${issuedId}.`);
  const info = issuedInfo(db, row.id);
  if (actor !== 'system') authorize(db, actor, 'read', info.scope.unitId);
  return { ...info, docx: row.docx, snapshot: row.snapshot };
}
