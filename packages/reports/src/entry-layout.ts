/**
 * The layout of the entry workbook, shared by the writer (template) and the reader (upload): sheet
 * names, columns and the metadata that ties a file to one term, unit and period.
 */

export const ENTRY_SHEET = 'Nhập liệu';
/** Hidden sheet with key/value rows; an upload for another unit or period is refused by it. */
export const META_SHEET = 'ChiTieu';
export const TEMPLATE_FORMAT = 'chitieu-entry';
/** Bump when columns change meaning; older files are then refused with a request to download anew. */
export const TEMPLATE_VERSION = 1;

export const COLUMNS = [
  { key: 'unitCode', header: 'Mã đơn vị', width: 11 },
  { key: 'unitName', header: 'Đơn vị', width: 26 },
  { key: 'targetCode', header: 'Mã chỉ tiêu', width: 9 },
  { key: 'indicatorCode', header: 'Mã chỉ số', width: 13 },
  { key: 'indicatorName', header: 'Chỉ số', width: 48 },
  { key: 'measurementUnit', header: 'ĐVT', width: 10 },
  { key: 'previous', header: 'Kỳ trước', width: 15 },
  { key: 'value', header: 'Giá trị', width: 18 },
  { key: 'numerator', header: 'Tử số', width: 10 },
  { key: 'denominator', header: 'Mẫu số', width: 10 },
  { key: 'meets', header: 'Đạt (Có/Không)', width: 13 },
  { key: 'note', header: 'Ghi chú', width: 32 },
  { key: 'evidenceUrl', header: 'Minh chứng (link)', width: 32 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Columns the reader needs; the others are for people and are ignored on upload. */
export const INPUT_COLUMNS = [
  'unitCode',
  'indicatorCode',
  'value',
  'numerator',
  'denominator',
  'meets',
  'note',
  'evidenceUrl',
] as const satisfies readonly ColumnKey[];
