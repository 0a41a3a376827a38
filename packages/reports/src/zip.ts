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
};
export type ZipLimits = typeof ZIP_LIMITS;

export const NOT_XLSX = 'Tệp không phải là bảng tính Excel (.xlsx).';
const BOMB =
  'Tệp bị từ chối: dữ liệu nén bất thường, giải nén ra quá lớn. Hãy lưu lại bảng tính bằng Excel rồi thử lại.';

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

/** Throws a 400 DomainError unless the archive is a plain zip within the limits; returns its entries. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw invalid(NOT_XLSX);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw invalid(NOT_XLSX);
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  // ZIP64 markers: no spreadsheet we accept is anywhere near 4 GB or 65.535 parts.
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) throw invalid(BOMB);
  if (count > limits.maxEntries) throw invalid(BOMB, { reason: 'too_many_entries', entries: count });
  if (dirOffset + dirSize > end) throw invalid(NOT_XLSX);

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) throw invalid(NOT_XLSX);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;

    total += uncompressed;
    const ratio = uncompressed / Math.max(compressed, 1);
    if (total > limits.maxTotalUncompressed) {
      throw invalid(BOMB, { reason: 'too_large_uncompressed', limit: limits.maxTotalUncompressed });
    }
    if (uncompressed >= limits.ratioFloor && ratio > limits.maxRatio) {
      throw invalid(BOMB, { reason: 'compression_ratio', entry: name, ratio: Math.round(ratio) });
    }
    verifyEntry(bytes, view, { localOffset, method, compressed, uncompressed });
    entries.push({ name, compressed, uncompressed });
  }
  return entries;
}

/** Inflate one entry with its declared size as the cap: a lying directory is refused, not believed. */
function verifyEntry(
  bytes: Uint8Array,
  view: DataView,
  e: { localOffset: number; method: number; compressed: number; uncompressed: number },
) {
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== SIG_LOCAL) {
    throw invalid(NOT_XLSX);
  }
  const start =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressed > bytes.length) throw invalid(NOT_XLSX);
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (e.compressed !== e.uncompressed) throw invalid(NOT_XLSX);
    return;
  }
  if (e.method !== 8) throw invalid(NOT_XLSX);
  let size: number;
  try {
    // maxOutputLength stops inflating as soon as the output passes the cap (RangeError), so a
    // bomb costs us at most its declared size, which the checks above have already bounded.
    size = inflateRawSync(data, { maxOutputLength: Math.max(e.uncompressed, 1) }).length;
  } catch (error) {
    if (error instanceof RangeError) throw invalid(BOMB, { reason: 'size_mismatch' });
    throw invalid(NOT_XLSX);
  }
  if (size !== e.uncompressed) throw invalid(BOMB, { reason: 'size_mismatch' });
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
