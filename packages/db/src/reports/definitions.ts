/** What a report is made of: its kinds, its five narrative parts and the settings a user edits. */
import * as s from '../schema.ts';

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
export const REPORT_SECTION_KEYS = REPORT_SECTIONS.map((x): ReportSectionKey => x.key);

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
