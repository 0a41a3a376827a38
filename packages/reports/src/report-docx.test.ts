import {
  getReportSettings,
  type ReportData,
  reportData,
  resolveScope,
  schema,
  seedDemoReport,
} from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocx, renderReportCharts } from './report-build.ts';
import type { ChartImage } from './report-chart-specs.ts';
import { docxText, readDocx } from './report-inspect.ts';

let demo: ReturnType<typeof demoDatabase>;
let data: ReportData;
let charts: ChartImage[];
let settings: ReturnType<typeof getReportSettings>;

beforeAll(async () => {
  demo = demoDatabase();
  seedDemoReport(demo.db, demo.termId);
  settings = getReportSettings(demo.db, demo.termId, 'mid_term');
  data = reportData(demo.db, resolveScope(demo.db, 'system', { termId: demo.termId }, '2024-07-10'));
  charts = await renderReportCharts(data);
});

const build = (over: Partial<Parameters<typeof buildReportDocx>[0]> = {}) =>
  buildReportDocx({ kind: 'mid_term', settings, data, charts, ...over });

describe('mid-term report as DOCX', () => {
  it('is A4 with the Decree 30 margins, page numbers from page 2, Times New Roman 14 pt', async () => {
    const docx = await readDocx(await build());
    const [body, appendix] = [...docx.documentXml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map(
      (m) => m[0],
    );
    // 210 × 297 mm; top/bottom 20 mm, left 30 mm, right 15 mm (in twentieths of a point).
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // A different first page: its header is empty, the others carry the page number, centred.
    expect(body).toContain('<w:titlePg/>');
    expect(body).toContain('w:type="first"');
    const withNumber = Object.values(docx.headers).filter((h) => /PAGE/.test(h));
    expect(withNumber.length).toBeGreaterThanOrEqual(1);
    for (const h of withNumber) expect(h).toContain('<w:jc w:val="center"/>');
    expect(Object.values(docx.headers).some((h) => !/PAGE/.test(h))).toBe(true);
    // The appendix is landscape and numbered too.
    expect(appendix).toContain('w:orient="landscape"');
    expect(docx.stylesXml).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    expect(docx.stylesXml).toContain('<w:sz w:val="28"/>');
  });

  it('lays out the header block, the title, numbered parts and justified body text', async () => {
    const docx = await readDocx(await build());
    const [header] = docx.tables;
    expect(header?.[0]?.[0]).toBe('HỘI LHPN TỈNH BÌNH THUẬN\nBAN THƯỜNG VỤ\n');
    expect(header?.[1]).toEqual(['Số: 45-BC/HPN', 'Phan Thiết, ngày 10 tháng 7 năm 2024']);
    // The header table has no borders; the place and date is in italics.
    const headerXml = docx.documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(headerXml).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(headerXml).toMatch(/<w:i\/>[\s\S]*Phan Thiết, ngày 10 tháng 7 năm 2024/);
    const text = docx.paragraphs;
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      'Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021 – 2026',
    );
    for (const part of [
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      'II. HẠN CHẾ, YẾU KÉM',
      'III. NGUYÊN NHÂN',
      'IV. BÀI HỌC KINH NGHIỆM',
      'V. NHIỆM VỤ, GIẢI PHÁP NỬA NHIỆM KỲ CÒN LẠI',
    ]) {
      expect(text).toContain(part);
    }
    // Body paragraphs: justified, first line indented 1,27 cm.
    expect(docx.documentXml).toMatch(/<w:jc w:val="both"\/>/);
    expect(docx.documentXml).toContain('<w:ind w:firstLine="720"/>');
    // Every line spacing says how to read it (LibreOffice crops images otherwise).
    const spacings = docx.documentXml.match(/<w:spacing [^>]*w:line="[^>]*>/g) ?? [];
    expect(spacings.length).toBeGreaterThan(10);
    for (const s of spacings) expect(s).toContain('w:lineRule="auto"');
    expect(docxText(docx)).toContain('Số liệu minh họa');
  });

  it('has the targets table with its header repeated, in Vietnamese formats, and the headline', async () => {
    const docx = await readDocx(await build());
    const table = docx.tables.find((t) => t[0]?.[0] === 'STT' && t[0]?.[1] === 'Chỉ tiêu');
    expect(table?.[0]).toEqual([
      'STT',
      'Chỉ tiêu',
      'ĐVT',
      'Chỉ tiêu NQ',
      'Kết quả',
      'Tỷ lệ % so với NQ',
      'Đánh giá',
      'Ghi chú',
    ]);
    const targetsXml = [...docx.documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][1]?.[0] ?? '';
    const firstRow = targetsXml.match(/<w:tr>[\s\S]*?<\/w:tr>/)?.[0] ?? '';
    expect(firstRow).toContain('<w:tblHeader/>');
    const row = (code: string) => {
      const target = data.targets.find((t) => t.code === code);
      return table?.find((r) => r[1] === target?.wording);
    };
    expect(row('CT1')?.slice(2, 7)).toEqual(['cơ sở', '100%', '124/124 cơ sở', '100,0%', 'Đạt']);
    expect(row('CT2')?.slice(2, 7)).toEqual(['hộ', '700', '746', '106,6%', 'Vượt']);
    expect(row('CT3')?.[7]).toContain('Trị giá 11,54 tỷ đồng');
    expect(row('CT4')?.[4]).toBe('2.986');
    expect(row('CT7')?.[4]).toBe('21,35 tỷ đồng');
    expect(row('CT8')?.slice(4, 7)).toEqual(['11', '36,7%', 'Khó đạt']);
    expect(docx.paragraphs.some((p) => p.startsWith('Hoàn thành 7/8 chỉ tiêu'))).toBe(true);
  });

  it('embeds the three charts as PNG images, with captions', async () => {
    const docx = await readDocx(await build());
    expect(docx.media.filter((m) => m.endsWith('.png'))).toHaveLength(3);
    for (const c of charts) {
      expect(c.png?.subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
      expect(docx.paragraphs).toContain(c.title);
    }
  });

  it('ends with the signature block, "Nơi nhận:" and the appendix by unit', async () => {
    const docx = await readDocx(await build());
    const signature = docx.tables.find((t) => t[0]?.[0]?.startsWith('Nơi nhận:'));
    expect(signature?.[0]?.[0]).toContain('- Lưu: VT.');
    expect(signature?.[0]?.[1]).toMatch(/^TM\. BAN THƯỜNG VỤ\nCHỦ TỊCH\n[\s\S]*Nguyễn Thị A$/);
    const appendix = docx.tables.at(-1);
    expect(appendix?.[0]?.slice(0, 3)).toEqual([
      'STT',
      'Đơn vị',
      'CT1\nCơ sở Hội duy trì 5 loại hình hoạt động (cơ sở)',
    ]);
    const phanThiet = appendix?.find((r) => r[1] === 'Thành phố Phan Thiết');
    expect(phanThiet?.[2]).toBe('18/18');
    const total = appendix?.at(-1);
    expect(total?.slice(1, 4)).toEqual(['Toàn tỉnh Bình Thuận', '124/124', '746']);
    expect(docx.paragraphs).toContain('(Kèm theo Báo cáo số 45-BC/HPN ngày 10/7/2024)');
  });

  it('gives a valid file for any narrative: control characters, XML specials, emoji, very long text', async () => {
    const nasty = [
      'Dấu <b>đậm</b> & "ngoặc" \'đơn\' ]]> <!-- -->',
      'Điều khiển:\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF hết.',
      'Nửa cặp: \uD800 và \uDC00; đủ cặp: 😀 👩‍👩‍👧; RTL: مرحبا; CJK: 漢字; tổ hợp: Vie\u0323\u0302t.',
      `Rất dài: ${'Phụ nữ Bình Thuận đoàn kết, sáng tạo. '.repeat(6000)}`,
      '=cmd|" /C calc"!A0',
    ].join('\n');
    const odd = {
      ...settings,
      issuingBody: ['<HỘI> & "CO"', '\u0007BAN'],
      documentNumber: '45&<>/HPN',
      signerName: 'Nguyễn Thị <A>',
      recipients: ['<script>alert(1)</script>', ''],
      sections: settings.sections.map((x) => ({ ...x, title: `${x.title} <&>`, body: nasty })),
    };
    const docx = await readDocx(await build({ settings: odd }));
    const text = docxText(docx);
    expect(text).toContain('Dấu <b>đậm</b> & "ngoặc" \'đơn\' ]]> <!-- -->');
    expect(text).toContain('Điều khiển: hết.');
    expect(text).toContain('😀 👩‍👩‍👧');
    expect(text).toContain('Việt'); // combining marks composed (NFC)
    expect(text).toContain('Số: 45&<>/HPN');
    expect(text.length).toBeGreaterThan(6 * 6000 * 30);
  });

  it('says "chưa có số liệu" for a term without results, and still builds', async () => {
    const { db } = demoDatabase();
    const owner = db.select().from(schema.units).all()[0]?.id as number;
    const term = db
      .insert(schema.terms)
      .values({
        code: 'MOI',
        name: 'Đại hội mới, nhiệm kỳ 2027–2032',
        shortName: 'Nhiệm kỳ mới',
        ownerUnitId: owner,
        startDate: '2027-01-01',
        midTermDate: '2029-06-30',
        endDate: '2032-12-31',
      })
      .returning()
      .get();
    const indicator = db.select().from(schema.indicators).all()[1]?.id as number;
    db.insert(schema.targets)
      .values({
        termId: term.id,
        code: 'CT1',
        wording: 'Mục tiêu',
        shortName: 'Mục tiêu',
        primaryIndicatorId: indicator,
        goal: 10,
      })
      .run();
    const empty = reportData(db, resolveScope(db, 'system', { termId: term.id }, '2029-06-30'), {
      raw: true,
    });
    expect(empty.hasResults).toBe(false);
    const emptyCharts = await renderReportCharts(empty);
    expect(emptyCharts.every((c) => c.png === null)).toBe(true);
    const docx = await readDocx(
      await buildReportDocx({
        kind: 'mid_term',
        settings: getReportSettings(db, term.id, 'mid_term'),
        data: empty,
        charts: emptyCharts,
      }),
    );
    const text = docxText(docx);
    expect(text).toContain('chưa có số liệu');
    expect(text).toContain('Chưa có số liệu để vẽ biểu đồ');
    expect(docx.media).toHaveLength(0);
  });
});
