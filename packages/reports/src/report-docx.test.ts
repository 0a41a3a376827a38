import { findForbiddenCharacter } from '@chitieu/core';
import {
  getReportSettings,
  type ReportData,
  recordResult,
  reportData,
  resolveScope,
  schema,
  seedDemoReport,
} from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { and, eq } from 'drizzle-orm';
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocx, renderReportCharts } from './report-build.ts';
import { type ChartImage, type ChartSpec, chartSpecs } from './report-chart-specs.ts';
import { renderSvg } from './report-charts.ts';
import { docxText, readDocx } from './report-inspect.ts';
import { snapshotOf } from './report-snapshot.ts';
import { cleanReportData } from './report-text.ts';

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

  it('lays out the letterhead, the national motto, the Decree 30 number, the title, numbered parts and justified body text', async () => {
    const docx = await readDocx(await build());
    const [header] = docx.tables;
    // Parent line, issuing body, and the empty paragraph that draws the rule under it.
    expect(header?.[0]?.[0]).toBe('HỘI LHPN TỈNH BÌNH THUẬN\nBAN THƯỜNG VỤ\n');
    expect(header?.[0]?.[1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
    expect(header?.[1]).toEqual(['Số: 45/BC-HPN', 'Phan Thiết, ngày 10 tháng 7 năm 2024']);
    // The header table has no borders; the parent line is plain, the issuing body and the motto bold; the date in italics.
    const headerXml = docx.documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(headerXml).toMatch(/<w:tblBorders><w:top w:val="none"/);
    const runOf = (text: string) =>
      headerXml.match(new RegExp(`<w:r>(?:(?!<w:r>)[\\s\\S])*?${text}`))?.[0] ?? '';
    expect(runOf('HỘI LHPN TỈNH BÌNH THUẬN')).not.toContain('<w:b/>');
    expect(runOf('BAN THƯỜNG VỤ')).toContain('<w:b/>');
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('<w:b/>');
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(runOf('Phan Thiết, ngày 10 tháng 7 năm 2024')).toContain('<w:i/>');
    // The motto can be turned off: the right column is then empty above the date.
    const plain = await readDocx(await build({ settings: { ...settings, motto: false } }));
    expect(plain.tables[0]?.[0]?.[1]).toBe('');
    expect(docxText(plain)).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
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
    expect(row('CT1')?.slice(2, 7)).toEqual(['cơ sở', '100%', '124/124\ncơ sở', '100,0%', 'Đạt']);
    expect(row('CT2')?.slice(2, 7)).toEqual(['hộ', '700', '746', '106,6%', 'Vượt']);
    // The resolution's own milestone, named as such (the dashboard's pace is another figure).
    expect(row('CT2')?.[7]).toBe('Mốc giữa nhiệm kỳ theo Nghị quyết: 350 (đạt 213,1%)');
    expect(row('CT3')?.[7]).toContain('Trị giá 11,54 tỷ đồng');
    expect(row('CT4')?.[4]).toBe('2.986');
    // Money: the unit column says the scale the goal and the result are written in, and a note says how they are rounded.
    expect(row('CT7')?.slice(2, 7)).toEqual(['tỷ đồng', '20', '21,35', '106,8%', 'Vượt']);
    expect(docx.paragraphs).toContain(
      'Ghi chú: số tiền tính bằng tỷ đồng, làm tròn đến hai chữ số thập phân (từ 5 trở lên làm tròn lên); số chính xác đến đồng ở Phụ lục.',
    );
    expect(row('CT8')?.slice(4, 7)).toEqual(['11', '36,7%', 'Khó đạt']);
    expect(docx.paragraphs.some((p) => p.startsWith('Hoàn thành 7/8 chỉ tiêu'))).toBe(true);
  });

  it('lets the table start on the first page: only its header row is kept with the next', async () => {
    const docx = await readDocx(await build());
    const targetsXml = [...docx.documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][1]?.[0] ?? '';
    const rows = [...targetsXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:keepNext/>');
    // LibreOffice keeps a whole table together (and moves it to the next page) when body rows are kept with the next.
    expect(rows.slice(1).filter((r) => r.includes('<w:keepNext/>'))).toEqual([]);
  });

  it('tags every run as Vietnamese, so that Word spell-checks it as Vietnamese', async () => {
    const docx = await readDocx(await build());
    expect(docx.stylesXml).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="vi-VN"\/>[\s\S]*<\/w:rPrDefault>/);
    // Runs of text (and the page number field); a picture's run has no words to check.
    const runs = [docx.documentXml, ...Object.values(docx.headers)]
      .flatMap((xml) => [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]))
      .filter((r) => !r.includes('<w:drawing>'));
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.some((r) => r.includes('PAGE'))).toBe(true);
    expect(runs.filter((r) => !r.includes('<w:lang w:val="vi-VN"/>'))).toEqual([]);
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
    // Each column states its unit once, in its header.
    expect(appendix?.[0]?.slice(0, 3)).toEqual([
      'STT',
      'Đơn vị',
      'CT1\nCơ sở Hội duy trì 5 loại hình hoạt động (cơ sở đạt/cơ sở)',
    ]);
    expect(appendix?.[0]?.at(-2)).toBe('CT7\nNguồn lực hỗ trợ phụ nữ, trẻ em khó khăn (triệu đồng)');
    const phanThiet = appendix?.find((r) => r[1] === 'Thành phố Phan Thiết');
    expect(phanThiet?.[2]).toBe('18/18');
    expect(phanThiet?.at(-2)).toBe('2.590');
    const total = appendix?.at(-1);
    expect(total?.slice(1, 4)).toEqual(['Toàn tỉnh Bình Thuận', '124/124', '746']);
    expect(total?.at(-2)).toBe('21.350');
    expect(docx.paragraphs).toContain('(Kèm theo Báo cáo số 45/BC-HPN ngày 10/7/2024)');
    // The legend says what a/b means column by column.
    const legend = docx.paragraphs.find((p) => p.startsWith('Ghi chú: “–”')) ?? '';
    expect(legend).toContain('CT1: a/b = số cơ sở Hội đạt/tổng số cơ sở Hội của đơn vị.');
    expect(legend).toContain('CT2: a/b = kết quả/chỉ tiêu được giao cho đơn vị.');
    expect(legend).toContain('CT7: số tiền chính xác, tính bằng triệu đồng; cộng các dòng bằng dòng tổng.');
    expect(legend).not.toMatch(/CT1[^.]*kết quả\/chỉ tiêu được giao/);
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

describe("a district's report", () => {
  it("carries its own letterhead, a number to fill, a title naming it, and none of the province's narrative", async () => {
    const db = cloneDatabase(demo.db);
    const phanThiet = db.select().from(schema.units).where(eq(schema.units.code, '593')).get()?.id as number;
    const own = getReportSettings(db, demo.termId, 'mid_term', phanThiet);
    const scope = resolveScope(db, 'system', { termId: demo.termId, unitId: phanThiet }, '2024-07-10');
    const districtData = reportData(db, scope);
    const docx = await readDocx(
      await buildReportDocx({ kind: 'mid_term', settings: own, data: districtData, charts: [] }),
    );
    const [header] = docx.tables;
    expect(header?.[0]?.[0]).toBe('HỘI LHPN THÀNH PHỐ PHAN THIẾT\nBAN THƯỜNG VỤ\n');
    expect(header?.[0]?.[1]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header?.[1]).toEqual(['Số:      /BC-HPN', 'Phan Thiết, ngày      tháng      năm']);
    expect(docx.paragraphs).toContain(
      'Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026 tại thành phố Phan Thiết',
    );
    const text = docxText(docx);
    expect(text).not.toContain('Qua nửa nhiệm kỳ thực hiện Nghị quyết');
    expect(text).not.toContain('HỘI LHPN TỈNH BÌNH THUẬN');
    expect(text).toContain('Hoàn thành 2/3 chỉ tiêu');
    const signature = docx.tables.find((t) => t[0]?.[0]?.startsWith('Nơi nhận:'));
    expect(signature?.[0]?.[0]).toContain('- Ban Thường vụ Hội LHPN tỉnh Bình Thuận (b/c);');
    expect(signature?.[0]?.[1]).toMatch(/^TM\. BAN THƯỜNG VỤ\nCHỦ TỊCH\n/);
  });
});

describe('money that adds up as printed', () => {
  /** The appendix's money and flow columns: the rows add up to the total row, as printed. */
  function columnsAddUp(table: string[][], columns: number[]) {
    const number = (text: string) => Number((text.split('/')[0] ?? '').replaceAll('.', ''));
    const body = table.slice(1, -1);
    const total = table.at(-1) as string[];
    for (const c of columns) {
      const sum = body.reduce(
        (acc, row) => acc + (row[c] === '–' || row[c] === '' ? 0 : number(row[c] ?? '')),
        0,
      );
      expect(sum, table[0]?.[c]).toBe(number(total[c] ?? ''));
    }
  }

  it('a correction of 1.000.000 đồng shows in the appendix, in exact figures whose column adds up', async () => {
    const db = cloneDatabase(demo.db);
    const indicator = db.select().from(schema.indicators).where(eq(schema.indicators.code, 'NGUONLUC')).get()
      ?.id as number;
    const period = db.select().from(schema.periods).where(eq(schema.periods.startDate, '2024-01-01')).get()
      ?.id as number;
    const commune = db.select().from(schema.units).where(eq(schema.units.code, '22924')).get()?.id as number;
    const before = db
      .select()
      .from(schema.results)
      .where(
        and(
          eq(schema.results.unitId, commune),
          eq(schema.results.indicatorId, indicator),
          eq(schema.results.periodId, period),
        ),
      )
      .get();
    recordResult(db, {
      unitId: commune,
      indicatorId: indicator,
      periodId: period,
      value: (before?.value ?? 0) + 1_000_000,
    });
    // And the province's own office reports some households out of poverty itself.
    const poverty = db.select().from(schema.indicators).where(eq(schema.indicators.code, 'THOATNGHEO')).get()
      ?.id as number;
    recordResult(db, { unitId: demo.provinceId, indicatorId: poverty, periodId: period, value: 4 });
    const corrected = reportData(db, resolveScope(db, 'system', { termId: demo.termId }, '2024-07-10'));
    const docx = await readDocx(
      await buildReportDocx({ kind: 'mid_term', settings, data: corrected, charts: [] }),
    );
    const targets = docx.tables.find((t) => t[0]?.[0] === 'STT' && t[0]?.[1] === 'Chỉ tiêu');
    // Rounded to 0,01 tỷ in the table: the same as before …
    expect(targets?.find((r) => r[1]?.startsWith('Vận động nguồn lực'))?.[4]).toBe('21,35');
    // … and exact in the appendix: 21.351 triệu đồng, the Phan Thiết row 2.591.
    const appendix = docx.tables.at(-1) as string[][];
    expect(appendix.at(-1)?.at(-2)).toBe('21.351');
    expect(appendix.find((r) => r[1] === 'Thành phố Phan Thiết')?.at(-2)).toBe('2.591');
    // The province's own 4 households stand in their own row, so the column adds up.
    const own = appendix.find((r) => r[1] === 'Tỉnh Bình Thuận (trực tiếp thực hiện)');
    expect(own?.[3]).toBe('4');
    expect(appendix.at(-1)?.[3]).toBe('750');
    const header = appendix[0] as string[];
    const flowColumns = header.map((h, i) => (/^CT[2348]\n|^CT7\n/.test(h) ? i : -1)).filter((i) => i >= 0);
    expect(flowColumns).toHaveLength(5);
    columnsAddUp(appendix, flowColumns);
  });

  it('an amount that is not a whole number of millions is printed to the đồng', async () => {
    const db = cloneDatabase(demo.db);
    const indicator = db.select().from(schema.indicators).where(eq(schema.indicators.code, 'NGUONLUC')).get()
      ?.id as number;
    const period = db.select().from(schema.periods).where(eq(schema.periods.startDate, '2024-01-01')).get()
      ?.id as number;
    const commune = db.select().from(schema.units).where(eq(schema.units.code, '22924')).get()?.id as number;
    const before = db
      .select()
      .from(schema.results)
      .where(
        and(
          eq(schema.results.unitId, commune),
          eq(schema.results.indicatorId, indicator),
          eq(schema.results.periodId, period),
        ),
      )
      .get();
    recordResult(db, {
      unitId: commune,
      indicatorId: indicator,
      periodId: period,
      value: (before?.value ?? 0) + 1,
    });
    const corrected = reportData(db, resolveScope(db, 'system', { termId: demo.termId }, '2024-07-10'));
    const appendix = (
      await readDocx(await buildReportDocx({ kind: 'mid_term', settings, data: corrected, charts: [] }))
    ).tables.at(-1) as string[][];
    expect(appendix[0]?.at(-2)).toBe('CT7\nNguồn lực hỗ trợ phụ nữ, trẻ em khó khăn (đồng)');
    expect(appendix.at(-1)?.at(-2)).toBe('21.350.000.001');
    columnsAddUp(appendix, [(appendix[0]?.length ?? 0) - 2]);
  });
});

describe('charts', () => {
  it('write decimals with a comma on the axes and one number of decimals per series', async () => {
    const works = chartSpecs(data).find((c) => c.key === 'works') as ChartSpec;
    const values = (works.spec as { data: { values: { moneyText: string }[] } }).data.values;
    expect(values.map((v) => v.moneyText)).toContain('1,60');
    expect(values.map((v) => v.moneyText)).toContain('1,00');
    for (const v of values.filter((x) => x.moneyText !== '')) expect(v.moneyText).toMatch(/^\d+,\d\d$/);
    const svg = await renderSvg(works.spec as TopLevelSpec);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toContain('0,5');
    expect(labels).toContain('1,5');
    expect(labels.filter((l) => /^\d+\.\d$/.test(l ?? ''))).toEqual([]);
  });
});

describe('names holding characters a file cannot hold', () => {
  it('still give a DOCX, charts and a snapshot: the names are cleaned on the way out', async () => {
    const db = cloneDatabase(demo.db);
    // Stored before input refused them (or by another tool): a target's short name, communes' names.
    db.update(schema.targets)
      .set({ shortName: 'Hộ thoát nghèo\u0001, cận nghèo' })
      .where(eq(schema.targets.code, 'CT2'))
      .run();
    db.update(schema.units)
      .set({ name: 'Phường Phú\u0000 Thủy\u001b\uffff' })
      .where(eq(schema.units.code, '22924'))
      .run();
    db.update(schema.units)
      .set({ name: 'Thành phố Phan\ufdd0 Thiết\u0007' })
      .where(eq(schema.units.code, '593'))
      .run();
    const dirty = reportData(db, resolveScope(db, 'system', { termId: demo.termId }, '2024-07-10'));
    const dirtyCharts = await renderReportCharts(dirty);
    expect(dirtyCharts.filter((c) => c.png !== null)).toHaveLength(3);
    const docx = await readDocx(
      await buildReportDocx({ kind: 'mid_term', settings, data: dirty, charts: dirtyCharts }),
    );
    const text = docxText(docx);
    expect(text).toContain('Thành phố Phan Thiết');
    expect(text).toContain('Hộ thoát nghèo, cận nghèo');
    expect(findForbiddenCharacter(text, { multiline: true })).toBeNull();
    const snapshot = snapshotOf(cleanReportData(dirty));
    expect(findForbiddenCharacter(JSON.stringify(snapshot))).toBeNull();
    // The ward's own report: every SVG chart of it renders.
    const ward = db.select().from(schema.units).where(eq(schema.units.code, '593')).get()?.id as number;
    const wardData = reportData(
      db,
      resolveScope(db, 'system', { termId: demo.termId, unitId: ward }, '2024-07-10'),
    );
    for (const spec of chartSpecs(cleanReportData(wardData))) {
      if (spec.spec)
        expect(findForbiddenCharacter(await renderSvg(spec.spec), { multiline: true })).toBeNull();
    }
  });
});
