/**
 * A guard run on uploaded XLSX files before exceljs (and the jszip inside it) sees them. exceljs
 * inflates every entry into memory, so a small upload that expands to gigabytes (a "zip bomb")
 * would take the server down. We read the zip's central directory ourselves, refuse archives that
 * declare too much data or suspicious compression, and then inflate each entry with a hard output
 * cap, so that sizes declared falsely in the directory cannot get past us either.
 */
import { inflateRawSync } from 'node:zlib';
import { invalid } from '@chitieu/core';

export const ZIP_LIMITS = {
  /** Our largest real template (10.000 rows) is about 4 MB of XML. */
  maxTotalUncompressed: 50 * 1024 * 1024,
  maxRatio: 200,
  /** Below this an entry cannot hurt us, and tiny repetitive XML parts may legitimately compress well. */
  ratioFloor: 64 * 1024,
  maxEntries: 10_000,
  /**
   * Shared strings (the workbook's distinct texts): our 10.000-row template has a few thousand; a
   * reader makes objects of each, so millions within the size limit would still cost gigabytes.
   */
  maxSharedStrings: 200_000,
};
export type ZipLimits = typeof ZIP_LIMITS;

export const NOT_XLSX = 'Tệp không phải là bảng tính Excel (.xlsx).';
const BOMB =
  'Tệp bị từ chối: dữ liệu nén bất thường, giải nén ra quá lớn. Hãy lưu lại bảng tính bằng Excel rồi thử lại.';

const UNUSUAL =
  'Tệp bị từ chối: cấu trúc nén bất thường (ZIP64, nhiều phần, hoặc dữ liệu thừa). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** True when the bytes start like a zip file (every .xlsx is one); PDFs, .xls and text do not. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

/**
 * Throws a 400 DomainError unless the archive is a plain zip within the limits; returns its entries.
 * "Plain": one disk, no ZIP64 record or field (a reader would switch to a directory we never saw),
 * no encryption, and a central directory that we account for byte by byte — it ends exactly where
 * the end record starts, which ends the file — so no reader can find an entry we did not check;
 * entries' data may not overlap (one compressed stream counted as many files).
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw invalid(NOT_XLSX);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw invalid(NOT_XLSX);
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const countOnDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  const commentLength = view.getUint16(end + 20, true);
  // ZIP64 markers and multi-disk fields: no spreadsheet we accept needs them.
  if (
    count === 0xffff ||
    countOnDisk === 0xffff ||
    dirOffset === 0xffffffff ||
    dirSize === 0xffffffff ||
    disk !== 0 ||
    directoryDisk !== 0 ||
    countOnDisk !== count
  ) {
    throw invalid(UNUSUAL, { reason: 'zip64_or_multi_disk' });
  }
  if (end + 22 + commentLength !== bytes.length) throw invalid(UNUSUAL, { reason: 'trailing_data' });
  if (count > limits.maxEntries) throw invalid(BOMB, { reason: 'too_many_entries', entries: count });
  if (dirOffset + dirSize !== end) throw invalid(UNUSUAL, { reason: 'directory_not_accounted' });

  const entries: ZipEntryInfo[] = [];
  const spans: [number, number][] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) throw invalid(NOT_XLSX);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const entryCommentLength = view.getUint16(p + 32, true);
    const entryDisk = view.getUint16(p + 34, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength + entryCommentLength > end) throw invalid(NOT_XLSX);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (
      compressed === 0xffffffff ||
      uncompressed === 0xffffffff ||
      localOffset === 0xffffffff ||
      entryDisk !== 0 ||
      hasZip64Field(view, p + 46 + nameLength, extraLength)
    ) {
      throw invalid(UNUSUAL, { reason: 'zip64_or_multi_disk', entry: name });
    }
    if (flags & 0x1) throw invalid(NOT_XLSX, { reason: 'encrypted', entry: name });
    p += 46 + nameLength + extraLength + entryCommentLength;

    total += uncompressed;
    const ratio = uncompressed / Math.max(compressed, 1);
    if (total > limits.maxTotalUncompressed) {
      throw invalid(BOMB, { reason: 'too_large_uncompressed', limit: limits.maxTotalUncompressed });
    }
    if (uncompressed >= limits.ratioFloor && ratio > limits.maxRatio) {
      throw invalid(BOMB, { reason: 'compression_ratio', entry: name, ratio: Math.round(ratio) });
    }
    const entry = verifyEntry(bytes, view, { localOffset, method, compressed, uncompressed });
    spans.push([localOffset, entry.stop]);
    if (/^xl\/sharedStrings\.xml$/i.test(name) && countSharedStrings(entry.data) > limits.maxSharedStrings) {
      throw invalid(BOMB, { reason: 'too_many_shared_strings', limit: limits.maxSharedStrings });
    }
    entries.push({ name, compressed, uncompressed });
  }
  // Every byte of the directory is one of the entries just read.
  if (p !== end) throw invalid(UNUSUAL, { reason: 'directory_not_accounted' });
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < spans.length; i++) {
    const [, stop] = spans[i] as [number, number];
    const next = spans[i + 1];
    if (stop > (next ? next[0] : dirOffset)) throw invalid(BOMB, { reason: 'overlapping_entries' });
  }
  return entries;
}

/** `<si>` elements in shared-strings XML, counted on the bytes (no text is decoded). */
function countSharedStrings(xml: Uint8Array): number {
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  let n = 0;
  for (let at = buf.indexOf('<si'); at >= 0; at = buf.indexOf('<si', at + 3)) {
    const next = buf[at + 3];
    // '<si>', '<si ' or '<si/>', not '<sid…'
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
      n++;
  }
  return n;
}

/** Whether an extra-field block holds a ZIP64 field (id 0x0001). */
function hasZip64Field(view: DataView, start: number, length: number): boolean {
  for (let q = start; q + 4 <= start + length; ) {
    if (view.getUint16(q, true) === 0x0001) return true;
    q += 4 + view.getUint16(q + 2, true);
  }
  return false;
}

/**
 * Inflate one entry with its declared size as the cap: a lying directory is refused, not believed.
 * Returns where the entry's data ends in the file, and the inflated data.
 */
function verifyEntry(
  bytes: Uint8Array,
  view: DataView,
  e: { localOffset: number; method: number; compressed: number; uncompressed: number },
): { stop: number; data: Uint8Array } {
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== SIG_LOCAL) {
    throw invalid(NOT_XLSX);
  }
  const nameLength = view.getUint16(e.localOffset + 26, true);
  const extraLength = view.getUint16(e.localOffset + 28, true);
  if (hasZip64Field(view, e.localOffset + 30 + nameLength, extraLength)) {
    throw invalid(UNUSUAL, { reason: 'zip64_or_multi_disk' });
  }
  const start = e.localOffset + 30 + nameLength + extraLength;
  if (start + e.compressed > bytes.length) throw invalid(NOT_XLSX);
  const data = bytes.subarray(start, start + e.compressed);
  const stop = start + e.compressed;
  if (e.method === 0) {
    if (e.compressed !== e.uncompressed) throw invalid(NOT_XLSX);
    return { stop, data };
  }
  if (e.method !== 8) throw invalid(NOT_XLSX);
  let inflated: Buffer;
  try {
    // maxOutputLength stops inflating as soon as the output passes the cap (RangeError), so a
    // bomb costs us at most its declared size, which the checks above have already bounded.
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(e.uncompressed, 1) });
  } catch (error) {
    if (error instanceof RangeError) throw invalid(BOMB, { reason: 'size_mismatch' });
    throw invalid(NOT_XLSX);
  }
  if (inflated.length !== e.uncompressed) throw invalid(BOMB, { reason: 'size_mismatch' });
  return { stop, data: inflated };
}

/** The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KB. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === SIG_END) return i;
  }
  return -1;
}
