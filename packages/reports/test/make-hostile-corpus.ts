/**
 * Writes the corpus of hostile uploads in packages/reports/test/hostile/ (committed; the tests read
 * the files, so what they prove does not depend on this script running):
 *
 *   node --import tsx packages/reports/test/make-hostile-corpus.ts
 *
 * Each file is an attack on a reader of XLSX files seen in the wild or in papers; all are small
 * (under 250 KB) but several expand to hundreds of megabytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'hostile');

interface Entry {
  name: string;
  data: Buffer;
  /** Store without compressing. */
  stored?: boolean;
}

interface Written {
  name: Buffer;
  method: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

/** Local headers and data of the entries; returns the bytes and what the central directory needs. */
function locals(entries: Entry[], start = 0): { bytes: Buffer; written: Written[] } {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = start;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.stored ? e.data : deflateRawSync(e.data, { level: 9 });
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(e.stored ? 0 : 8, 8);
    header.writeUInt32LE(0, 14); // crc: readers that check it refuse, which is fine for attacks
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(e.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, body);
    written.push({
      name,
      method: e.stored ? 0 : 8,
      compressed: body.length,
      uncompressed: e.data.length,
      offset,
    });
    offset += 30 + name.length + body.length;
  }
  return { bytes: Buffer.concat(parts), written };
}

function central(written: Written[], extra: (w: Written) => Buffer = () => Buffer.alloc(0)): Buffer {
  return Buffer.concat(
    written.map((w) => {
      const x = extra(w);
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt32LE(w.compressed, 20);
      h.writeUInt32LE(w.uncompressed, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt16LE(x.length, 30);
      h.writeUInt32LE(w.offset, 42);
      return Buffer.concat([h, w.name, x]);
    }),
  );
}

function endRecord(o: { disk?: number; count: number; size: number; offset: number }): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(o.disk ?? 0, 4);
  e.writeUInt16LE(o.disk ?? 0, 6);
  e.writeUInt16LE(o.count, 8);
  e.writeUInt16LE(o.count, 10);
  e.writeUInt32LE(o.size, 12);
  e.writeUInt32LE(o.offset, 16);
  return e;
}

/** A plain zip of the entries. */
function zip(entries: Entry[]): Buffer {
  const { bytes, written } = locals(entries);
  const dir = central(written);
  return Buffer.concat([
    bytes,
    dir,
    endRecord({ count: written.length, size: dir.length, offset: bytes.length }),
  ]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
);
const zeros = (mb: number) => Buffer.alloc(mb * 1024 * 1024);

/**
 * ZIP64 bypass: the classic end record (all our old guard read) lists one small part, but its disk
 * number is 0xFFFF, so a ZIP64 reader (jszip, inside exceljs) follows the ZIP64 locator to a
 * second directory that lists a 100 MB part.
 */
function zip64Bypass(): Buffer {
  const { bytes, written } = locals([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/sharedStrings.xml', data: zeros(100) },
  ]);
  const [innocent, bomb] = written as [Written, Written];
  const shown = central([innocent]);
  const hidden = central([innocent, bomb]);
  const hiddenAt = bytes.length + shown.length;
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(2n, 24);
  zip64End.writeBigUInt64LE(2n, 32);
  zip64End.writeBigUInt64LE(BigInt(hidden.length), 40);
  zip64End.writeBigUInt64LE(BigInt(hiddenAt), 48);
  const zip64EndAt = hiddenAt + hidden.length;
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(zip64EndAt), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([
    bytes,
    shown,
    hidden,
    zip64End,
    locator,
    endRecord({ disk: 0xffff, count: 1, size: shown.length, offset: bytes.length }),
  ]);
}

/** A second disk of a split archive, as if the first one were elsewhere. */
function multiDisk(): Buffer {
  const { bytes, written } = locals([{ name: '[Content_Types].xml', data: CONTENT_TYPES }]);
  const dir = central(written);
  return Buffer.concat([
    bytes,
    dir,
    endRecord({ disk: 1, count: 1, size: dir.length, offset: bytes.length }),
  ]);
}

/** A ZIP64 extra field on an ordinary-looking entry (a reader takes 64-bit sizes from it). */
function zip64Field(): Buffer {
  const { bytes, written } = locals([{ name: '[Content_Types].xml', data: CONTENT_TYPES }]);
  const dir = central(written, (w) => {
    const x = Buffer.alloc(20);
    x.writeUInt16LE(0x0001, 0);
    x.writeUInt16LE(16, 2);
    x.writeBigUInt64LE(BigInt(w.uncompressed), 4);
    x.writeBigUInt64LE(BigInt(w.compressed), 12);
    return x;
  });
  return Buffer.concat([bytes, dir, endRecord({ count: 1, size: dir.length, offset: bytes.length })]);
}

/**
 * The end record counts one entry and a directory of its size, but the directory goes on: a reader
 * that reads entries while their signature matches (jszip) finds a second one, a 100 MB part.
 */
function unaccountedDirectory(): Buffer {
  const { bytes, written } = locals([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/sharedStrings.xml', data: zeros(100) },
  ]);
  const first = central([written[0] as Written]);
  const dir = central(written);
  return Buffer.concat([bytes, dir, endRecord({ count: 1, size: first.length, offset: bytes.length })]);
}

/**
 * Overlapping entries (Fifield's "better zip bomb"): 60 directory entries share one compressed
 * stream, so a small file is counted as many parts. Each is modest, so only the overlap gives it away.
 */
function overlapping(): Buffer {
  // Under 64 KB, so no compression-ratio rule applies to it on its own.
  const part = Buffer.from(`<x>${Array.from({ length: 9000 }, (_, i) => (i * 7919) % 100003).join(' ')}</x>`);
  const { bytes, written } = locals([{ name: 'xl/worksheets/sheet1.xml', data: part }]);
  const shared = written[0] as Written;
  const copies = Array.from({ length: 60 }, (_, i) => ({
    ...shared,
    name: Buffer.from(`xl/worksheets/sheet${i + 1}.xml`),
  }));
  const dir = central(copies);
  return Buffer.concat([
    bytes,
    dir,
    endRecord({ count: copies.length, size: dir.length, offset: bytes.length }),
  ]);
}

/** A nested bomb (zips of zips of zeros): two levels, 128 MB in all, are enough to show. */
function innerBomb(): Buffer {
  const layer = zip(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.bin`, data: zeros(16) })));
  return zip(Array.from({ length: 2 }, (_, i) => ({ name: `${i}.zip`, data: layer, stored: true })));
}

const TREE_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>type</t></is></c><c r="D1" t="inlineStr"><is><t>parent_code</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>60</t></is></c><c r="B2" t="inlineStr"><is><t>Tỉnh Bình Thuận</t></is></c><c r="C2" t="inlineStr"><is><t>Tỉnh</t></is></c></row>
</sheetData></worksheet>`;

/** The parts of a minimal real workbook with one sheet. */
function workbookParts(sheet: string, extra: Entry[] = []): Entry[] {
  const rels = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        rels(
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>',
        ),
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        rels(
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
        ),
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ...extra,
  ];
}

/** A readable unit tree with an embedded archive that is itself a bomb: nobody should open it. */
function nested(): Buffer {
  return zip(
    workbookParts(TREE_SHEET, [{ name: 'xl/embeddings/oleObject1.zip', data: innerBomb(), stored: true }]),
  );
}

/**
 * Shared strings within every zip limit (49 MB of XML at a ratio of about 140) that a reader turns
 * into millions of objects: only a memory or time limit stops it.
 */
function hugeSharedStrings(): Buffer {
  const count = 2_600_000;
  let xml = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
  const chunks: string[] = [xml];
  for (let i = 0; i < count; i++) chunks.push(`<si><t>${i % 1000}</t></si>`);
  chunks.push('</sst>');
  xml = chunks.join('');
  return zip(workbookParts(TREE_SHEET, [{ name: 'xl/sharedStrings.xml', data: Buffer.from(xml) }]));
}

/** Billion laughs: nested entity definitions that expand to 10^9 copies of "lol". */
function billionLaughs(): Buffer {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [${levels.join('')}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
  return zip(workbookParts(TREE_SHEET, [{ name: 'xl/sharedStrings.xml', data: Buffer.from(xml) }]));
}

const CORPUS: Record<string, () => Buffer> = {
  'zip64-bypass.xlsx': zip64Bypass,
  'zip64-field.xlsx': zip64Field,
  'multi-disk.xlsx': multiDisk,
  'unaccounted-directory.xlsx': unaccountedDirectory,
  'overlapping-entries.xlsx': overlapping,
  'nested-zip.xlsx': nested,
  'huge-shared-strings.xlsx': hugeSharedStrings,
  'billion-laughs.xlsx': billionLaughs,
};

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries(CORPUS)) {
  const bytes = make();
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
