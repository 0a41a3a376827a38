import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  buildUnitTreeCsv,
  decodeText,
  looksVietnamese,
  parseCsv,
  readUnitTreeFile,
} from './unit-tree-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a tree file', () => {
  it('takes UTF-16 BE with its mark and UTF-16 LE without one', () => {
    const text = 'code\tname\n1\tXã Phong Nẫm\n';
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]);
    expect(decodeText(be)).toEqual({ text, encoding: 'UTF-16 BE' });
    expect(decodeText(iconv.encode(text, 'utf16le'))).toEqual({ text, encoding: 'UTF-16 LE' });
  });

  it('normalises decomposed Vietnamese (NFD from a Mac) to NFC', () => {
    const { text } = decodeText(utf8('Phường Đức Thắng'.normalize('NFD')));
    expect(text).toBe('Phường Đức Thắng'.normalize('NFC'));
  });

  it('refuses what it cannot decode with confidence', () => {
    // UTF-8 read as Windows-1252 and saved again: mojibake.
    expect(() => decodeText(utf8('Tá»‰nh BÃ¬nh Thuáº­n'))).toThrow('lỗi phông');
    // Letters outside the Vietnamese alphabet (Cyrillic, a wrong 8-bit code page).
    expect(() => decodeText(utf8('code,name\n1,Город\n'))).toThrow('bảng mã');
    expect(looksVietnamese('Xã Hàm Mỹ, Huyện Hàm Thuận Nam')).toBe(true);
    expect(looksVietnamese('Straße')).toBe(false);
  });
});

describe('reading rows', () => {
  it('handles quotes, semicolons, CRLF, Vietnamese headers and an empty line', async () => {
    const file = await readUnitTreeFile(
      utf8(
        'Mã;Tên;Loại;Mã cấp trên\r\n60;"Tỉnh ""Bình Thuận""";Tỉnh;\r\n\r\n593;"Phan Thiết; TP";Thành phố;60\r\n',
      ),
    );
    expect(file.rows).toEqual([
      { row: 2, code: '60', name: 'Tỉnh "Bình Thuận"', type: 'Tỉnh', parentCode: '', grassroots: null },
      { row: 4, code: '593', name: 'Phan Thiết; TP', type: 'Thành phố', parentCode: '60', grassroots: null },
    ]);
  });

  it('reads its own export back, grassroots column included', async () => {
    const rows = [
      { code: '60', name: 'Tỉnh Bình Thuận', type: 'Tỉnh', parentCode: '', grassroots: false },
      { code: '22924', name: 'Phường Phú Thủy', type: 'Phường', parentCode: '593', grassroots: true },
      { code: 'X-1', name: '=Chi hội, "số 1"', type: 'Chi hội', parentCode: '22924', grassroots: false },
    ];
    const back = await readUnitTreeFile(buildUnitTreeCsv(rows));
    expect(back.encoding).toBe('UTF-8 (có BOM)');
    expect(back.rows.map(({ row: _row, ...r }) => r)).toEqual(rows);
  });

  it('names a bad grassroots value by row and refuses a file without the columns', async () => {
    const file = await readUnitTreeFile(utf8('code,name,type,parent_code,grassroots\n1,Xã A,Xã,60,maybe\n'));
    expect(file.problems).toEqual([{ row: 2, message: expect.stringContaining('maybe') }]);
    await expect(readUnitTreeFile(utf8('a,b\n1,2\n'))).rejects.toThrow('code, name, type, parent_code');
    await expect(readUnitTreeFile(new Uint8Array())).rejects.toThrow('rỗng');
  });

  it('parses a quoted field across lines and keeps its line number', () => {
    expect(parseCsv('a,b\n"x\ny",z\nq,r', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', 'z'] },
      { line: 4, cells: ['q', 'r'] },
    ]);
  });
});
