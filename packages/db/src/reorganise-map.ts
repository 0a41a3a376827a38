/**
 * Reading a merge map (`new_code,new_name,new_parent_code,old_code,old_name,merge_type`, the format of
 * seed/data/merges-2024.csv): bytes → checked rows, or a refusal that lists every problem by line.
 * Pure: no database. Matching codes to the tree is in reorganise-match.ts.
 */
import { createHash } from 'node:crypto';
import { findForbiddenCharacter, invalid, textProblem } from '@chitieu/core';
import { z } from 'zod';

export const MERGE_MAP_COLUMNS = [
  'new_code',
  'new_name',
  'new_parent_code',
  'old_code',
  'old_name',
  'merge_type',
];

export interface MergeRow {
  /** 1-based line in the file (the header is line 1), for messages. */
  line: number;
  newCode: string;
  newName: string;
  newParentCode: string;
  oldCode: string;
  oldName: string;
  kind: 'full' | 'partial';
}

export interface MapProblem {
  line?: number;
  code?: string;
  message: string;
}

const RowSchema = z.object({
  newCode: z.string().min(1, 'thiếu mã đơn vị mới (new_code)').max(20, 'mã đơn vị mới quá dài'),
  newName: z
    .string()
    .min(1, 'thiếu tên đơn vị mới (new_name)')
    .max(200, 'tên đơn vị mới quá dài')
    .refine((name) => findForbiddenCharacter(name) === null, {
      error: (issue) =>
        (textProblem('tên đơn vị mới (new_name)', String(issue.input)) ?? '').replace(/\.\s.*$/, ''),
    }),
  newParentCode: z.string().min(1, 'thiếu mã đơn vị cấp trên (new_parent_code)').max(20),
  oldCode: z.string().min(1, 'thiếu mã đơn vị cũ (old_code)').max(20, 'mã đơn vị cũ quá dài'),
  oldName: z.string().max(200),
  kind: z.enum(['full', 'partial'], { error: 'merge_type phải là full hoặc partial' }),
});

/** Refuse with the problems, the one way every map error leaves this module. */
export function refuseMap(problems: MapProblem[]): never {
  throw invalid(
    problems.length === 1
      ? `Bản đồ sáp nhập không hợp lệ: ${problems[0]?.message}`
      : `Bản đồ sáp nhập có ${problems.length} lỗi; chưa áp dụng gì.`,
    { problems },
  );
}

/**
 * UTF-8 with or without a BOM. Excel's "Unicode text" (UTF-16) and Windows-1258 files are refused
 * with a reason rather than read as mojibake: a wrong name is worse than no import.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length === 0) refuseMap([{ message: 'Tệp rỗng.' }]);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    refuseMap([{ message: 'Tệp được lưu dạng UTF-16; hãy lưu lại dạng “CSV UTF-8”.' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuseMap([
      { message: 'Tệp không phải UTF-8 (có thể là Windows-1258); hãy lưu lại dạng “CSV UTF-8”.' },
    ]);
  }
}

/** RFC 4180 fields: commas, quotes doubled inside quoted fields, CRLF or LF. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Parse and check the shape of every row; throws `invalid` listing all problems. */
export function parseMergeMap(input: Uint8Array | string): MergeRow[] {
  const text = (typeof input === 'string' ? input : decodeCsv(input)).replace(/^\uFEFF/, '');
  const records = csvRecords(text);
  const header = records[0]?.map((h) => h.trim().toLowerCase());
  if (!header || header.every((h) => h === '')) refuseMap([{ message: 'Tệp rỗng.' }]);
  if (header.join(',') !== MERGE_MAP_COLUMNS.join(',')) {
    refuseMap([
      {
        line: 1,
        message: `Dòng tiêu đề phải là “${MERGE_MAP_COLUMNS.join(',')}” (tệp có “${header.join(',')}”).`,
      },
    ]);
  }
  const problems: MapProblem[] = [];
  const rows: MergeRow[] = [];
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== MERGE_MAP_COLUMNS.length) {
      problems.push({
        line,
        message: `Dòng ${line} có ${cells.length} cột, cần ${MERGE_MAP_COLUMNS.length}.`,
      });
      return;
    }
    const [newCode, newName, newParentCode, oldCode, oldName, kind] = cells.map((c) => c.trim());
    const parsed = RowSchema.safeParse({ newCode, newName, newParentCode, oldCode, oldName, kind });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line, message: `Dòng ${line}: ${issue.message}.` });
      return;
    }
    rows.push({ line, ...parsed.data });
  });
  if (problems.length === 0 && rows.length === 0)
    problems.push({ message: 'Tệp không có dòng nào ngoài tiêu đề.' });
  if (problems.length > 0) refuseMap(problems);
  return rows;
}

/**
 * The map's identity: the same rows on the same date give the same hash, whatever the file's bytes
 * (BOM, CRLF) and whatever order the rows come in.
 */
export function mapHash(rows: MergeRow[], effectiveDate: string): string {
  const canonical = rows
    .map((r) => [r.newCode, r.newName, r.newParentCode, r.oldCode, r.oldName, r.kind])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify({ effectiveDate, rows: canonical }))
    .digest('hex');
}

/** The hash maps applied before rows were sorted were recorded under (file order). */
export function legacyMapHash(rows: MergeRow[], effectiveDate: string): string {
  const canonical = rows.map((r) => [r.newCode, r.newName, r.newParentCode, r.oldCode, r.oldName, r.kind]);
  return createHash('sha256')
    .update(JSON.stringify({ effectiveDate, rows: canonical }))
    .digest('hex');
}

/** "Phường Mũi Né" → "Phường": a new unit's type is the administrative word its name starts with. */
const TYPE_WORDS = [
  'Thành phố',
  'Thị trấn',
  'Thị xã',
  'Đặc khu',
  'Chi hội',
  'Tỉnh',
  'Huyện',
  'Quận',
  'Phường',
  'Xã',
];
export function typeFromName(name: string): string {
  return TYPE_WORDS.find((w) => name === w || name.startsWith(`${w} `)) ?? 'Đơn vị';
}

/** The type a name states by its first word ("Tỉnh Lâm Đồng"), or null ("Hội LHPN tỉnh Lâm Đồng"). */
export function statedType(name: string): string | null {
  return TYPE_WORDS.find((w) => name === w || name.startsWith(`${w} `)) ?? null;
}
