/**
 * The raw data of a report, one row per unit × target indicator × period, shared by the XLSX
 * "Dữ liệu" sheet and the CSV so that both have the same columns in the same order.
 */
import { formatDate } from '@chitieu/core';
import type { IndicatorInfo, ReportData } from '@chitieu/db';
import { figureText, missingText } from './report-format.ts';
import { cleanText } from './report-text.ts';

export type RawColumnKey =
  | 'termCode'
  | 'unitCode'
  | 'unitName'
  | 'unitType'
  | 'parentCode'
  | 'level'
  | 'targetCode'
  | 'targetName'
  | 'indicatorCode'
  | 'indicatorName'
  | 'primary'
  | 'measurementUnit'
  | 'measureType'
  | 'periodKind'
  | 'periodStart'
  | 'periodEnd'
  | 'value'
  | 'valueText'
  | 'numerator'
  | 'denominator'
  | 'meeting'
  | 'reported'
  | 'expected'
  | 'asOf'
  | 'basis';

/** The columns, in their fixed order, with what each holds (README: "CSV columns"). */
export const RAW_COLUMNS: { key: RawColumnKey; header: string; description: string; width: number }[] = [
  { key: 'termCode', header: 'Mã nhiệm kỳ', description: 'Mã nhiệm kỳ (ví dụ BT-XV)', width: 10 },
  { key: 'unitCode', header: 'Mã đơn vị', description: 'Mã đơn vị (mã GSO nếu có)', width: 10 },
  { key: 'unitName', header: 'Tên đơn vị', description: 'Tên đơn vị', width: 28 },
  {
    key: 'unitType',
    header: 'Loại đơn vị',
    description: 'Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn…',
    width: 12,
  },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    description: 'Mã đơn vị cấp trên trong cơ cấu đang xem',
    width: 10,
  },
  {
    key: 'level',
    header: 'Cấp',
    description: '0 = đơn vị được xuất, 1 = trực thuộc, 2 = cấp dưới nữa…',
    width: 6,
  },
  { key: 'targetCode', header: 'Mã chỉ tiêu', description: 'Mã chỉ tiêu (CT1…, BS1…)', width: 9 },
  { key: 'targetName', header: 'Tên chỉ tiêu', description: 'Tên ngắn của chỉ tiêu', width: 32 },
  { key: 'indicatorCode', header: 'Mã chỉ số', description: 'Mã chỉ số đo', width: 12 },
  { key: 'indicatorName', header: 'Tên chỉ số', description: 'Tên chỉ số đo', width: 36 },
  {
    key: 'primary',
    header: 'Chỉ số chính',
    description: '1 = chỉ số quyết định đánh giá chỉ tiêu, 0 = chỉ số kèm theo (ví dụ giá trị công trình)',
    width: 8,
  },
  { key: 'measurementUnit', header: 'ĐVT', description: 'Đơn vị tính của chỉ số', width: 10 },
  {
    key: 'measureType',
    header: 'Cách cộng',
    description: 'cumulative, amount (đồng), stock, ratio (%), units_meeting (% cơ sở đạt)',
    width: 12,
  },
  { key: 'periodKind', header: 'Loại kỳ', description: 'year, half (6 tháng), quarter', width: 8 },
  { key: 'periodStart', header: 'Từ ngày', description: 'Ngày đầu kỳ (dd/mm/yyyy)', width: 11 },
  { key: 'periodEnd', header: 'Đến ngày', description: 'Ngày cuối kỳ (dd/mm/yyyy)', width: 11 },
  {
    key: 'value',
    header: 'Giá trị',
    description:
      'Số phát sinh trong kỳ (chỉ số tồn: mức cuối kỳ) của cả đơn vị và cấp dưới; tiền tính bằng đồng; tỷ lệ tính bằng %; dấu chấm thập phân; trống = chưa báo cáo, hoặc tỷ lệ 0/0 (không phát sinh: Tử số và Mẫu số ghi 0)',
    width: 16,
  },
  {
    key: 'valueText',
    header: 'Giá trị (hiển thị)',
    description: 'Như trên, viết theo kiểu Việt Nam: 3.000; 11,54 tỷ đồng; 87,5%; Không phát sinh',
    width: 18,
  },
  {
    key: 'numerator',
    header: 'Tử số',
    description: 'Tỷ lệ: tử số (ví dụ số nạn nhân được hỗ trợ)',
    width: 8,
  },
  { key: 'denominator', header: 'Mẫu số', description: 'Tỷ lệ: mẫu số', width: 8 },
  { key: 'meeting', header: 'Số cơ sở đạt', description: 'Cơ sở Hội đạt (chỉ số units_meeting)', width: 8 },
  {
    key: 'reported',
    header: 'Số cơ sở đã báo cáo',
    description: 'Cơ sở Hội đã báo cáo (units_meeting)',
    width: 8,
  },
  {
    key: 'expected',
    header: 'Số cơ sở phải báo cáo',
    description: 'Cơ sở Hội có trong đơn vị (units_meeting)',
    width: 8,
  },
  {
    key: 'asOf',
    header: 'Số liệu đến ngày',
    description: 'Ngày số liệu của bản xuất (dd/mm/yyyy)',
    width: 11,
  },
  {
    key: 'basis',
    header: 'Cơ sở số liệu',
    description: 'approved = đã duyệt; submitted = đã gửi và đã duyệt',
    width: 10,
  },
];

export type RawRecord = Record<RawColumnKey, string | number | null>;

/** An exact decimal with a dot from a scaled integer: (838, 1) → '83.8', (3000, 0) → '3000'. */
export function plainDecimal(value: number, decimals: number): string {
  if (decimals === 0) return String(value);
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return value < 0 ? `-${text}` : text;
}

/** The raw rows of a report (empty when the data was built without them). Text is cleaned once per unit. */
export function rawRecords(data: ReportData): RawRecord[] {
  const raw = data.raw;
  if (!raw) return [];
  const text = (x: string) => cleanText(x);
  const units = new Map(
    raw.units.map((u) => [
      u.id,
      {
        unitCode: text(u.code),
        unitName: text(u.name),
        unitType: text(u.type),
        parentCode: u.parentCode === null ? '' : text(u.parentCode),
        level: u.depth,
      },
    ]),
  );
  const periods = new Map(
    raw.periods.map((p) => [
      p.id,
      { periodKind: p.kind, periodStart: formatDate(p.startDate), periodEnd: formatDate(p.endDate) },
    ]),
  );
  const indicators = new Map<
    string,
    {
      info: IndicatorInfo;
      fields: {
        targetCode: string;
        targetName: string;
        indicatorCode: string;
        indicatorName: string;
        measurementUnit: string;
        measureType: string;
      };
    }
  >();
  for (const t of data.targets) {
    for (const i of [t.indicator, ...t.related]) {
      indicators.set(`${t.id}:${i.id}`, {
        info: i,
        fields: {
          targetCode: text(t.code),
          targetName: text(t.shortName),
          indicatorCode: text(i.code),
          indicatorName: text(i.name),
          measurementUnit: text(i.measurementUnit),
          measureType: i.measureType,
        },
      });
    }
  }
  const termCode = text(data.scope.term.code);
  const asOf = formatDate(data.scope.asOf);
  const basis = data.scope.basis;
  const noUnit = { unitCode: '', unitName: '', unitType: '', parentCode: '', level: null };
  const noPeriod = { periodKind: '', periodStart: '', periodEnd: '' };
  const out: RawRecord[] = new Array(raw.rows.length);
  let n = 0;
  for (const r of raw.rows) {
    const indicator = indicators.get(`${r.targetId}:${r.indicatorId}`);
    if (!indicator) continue;
    const { info, fields } = indicator;
    const unit = units.get(r.unitId) ?? noUnit;
    const period = periods.get(r.periodId) ?? noPeriod;
    const f = r.figure;
    const reported = f.latestPeriodId !== null;
    const ratio = info.measureType === 'ratio';
    const meeting = info.measureType === 'units_meeting';
    // One literal with every key in the same order: records share one shape (spreads made this 5× slower).
    out[n++] = {
      termCode,
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      unitType: unit.unitType,
      parentCode: unit.parentCode,
      level: unit.level,
      targetCode: fields.targetCode,
      targetName: fields.targetName,
      indicatorCode: fields.indicatorCode,
      indicatorName: fields.indicatorName,
      primary: r.primary ? 1 : 0,
      measurementUnit: fields.measurementUnit,
      measureType: fields.measureType,
      periodKind: period.periodKind,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      value: f.value === null ? null : plainDecimal(f.value, info.decimals),
      valueText: figureText(info, f) ?? (f.hasData ? missingText(f) : ''),
      numerator: ratio && f.hasData ? f.numerator : null,
      denominator: ratio && f.hasData ? f.denominator : null,
      meeting: meeting && reported ? f.meeting : null,
      reported: meeting && reported ? f.reported : null,
      expected: meeting ? f.expected : null,
      asOf,
      basis,
    };
  }
  out.length = n;
  return out;
}
