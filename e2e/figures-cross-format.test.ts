/**
 * One scope, four readers, the same figures (#11): the dashboard API, the XLSX recalculated by
 * LibreOffice (vi_VN) with its cached values removed, the DOCX's text and the CSV. For the demo at its
 * mid-term, and for the reorganised demo (`--demo=2025`) at four dates — before the merges, in the
 * 2024 structure with reporting partial, just before the 2025 merge, and in Tỉnh Lâm Đồng's structure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advanceDemoTo2025, type Db } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { docxText, parseCsv, readDocx } from '@chitieu/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../apps/api/src/testing.ts';
import {
  convertToPdf,
  type Dashboard,
  expectedRow,
  pdfText,
  withoutCachedValues,
  xlsxTargetLine,
} from './libreoffice.ts';

interface Case {
  name: string;
  demo: 'mid-term' | '2025';
  asOf: string;
}

const CASES: Case[] = [
  { name: 'giua-nhiem-ky', demo: 'mid-term', asOf: '2024-06-30' },
  { name: '2025-truoc-sap-xep', demo: '2025', asOf: '2024-06-30' },
  { name: '2025-cuoi-2024', demo: '2025', asOf: '2024-12-31' },
  { name: '2025-giua-2025', demo: '2025', asOf: '2025-06-30' },
  { name: '2025-cuoi-2025', demo: '2025', asOf: '2025-12-31' },
];

interface Downloaded {
  dashboard: Dashboard & { scope: { unit: { code: string } } };
  docx: string;
  csv: Record<string, string>[];
}

let work = '';
const got: Record<string, Downloaded> = {};
const recalculated: Record<string, string> = {};

/** Every case's files from a server on its database; the XLSX files are stripped, to be recalculated. */
async function download(db: Db, termId: number, cases: Case[], files: string[]) {
  const server = await startTestServer(db, { today: () => '2026-12-06' });
  try {
    const headers = await loginAs(server.url, 'lanhdao');
    const api = (path: string) => fetch(`${server.url}/api/terms/${termId}${path}`, { headers });
    for (const c of cases) {
      const query = `?asOf=${c.asOf}`;
      const bytes = async (format: string) => {
        const res = await api(`/reports/mid_term/download/${format}${query}`);
        expect(res.status, `${c.name} ${format}`).toBe(200);
        return new Uint8Array(await res.arrayBuffer());
      };
      const [header, ...lines] = parseCsv(
        new TextDecoder().decode(await bytes('csv')).replace(/^\uFEFF/, ''),
        ',',
      ).map((l) => l.cells);
      got[c.name] = {
        dashboard: await (await api(`/dashboard${query}`)).json(),
        docx: docxText(await readDocx(await bytes('docx'))),
        csv: lines.map((cells) => Object.fromEntries(cells.map((cell, i) => [header?.[i] as string, cell]))),
      };
      const stripped = await withoutCachedValues(await bytes('xlsx'));
      const file = join(work, `${c.name}.xlsx`);
      writeFileSync(file, stripped.bytes);
      files.push(file);
    }
  } finally {
    await server.close();
  }
}

beforeAll(async () => {
  if (!/^vi_VN\.utf-?8$/im.test(execFileSync('locale', ['-a'], { encoding: 'utf8' }))) {
    throw new Error('the vi_VN.UTF-8 locale is not generated (.ci/run generates it)');
  }
  work = mkdtempSync(join(tmpdir(), 'chitieu-cross-format-'));
  const demo = demoDatabase();
  const reorganised = cloneDatabase(demo.db);
  advanceDemoTo2025(reorganised);
  const files: string[] = [];
  await download(
    demo.db,
    demo.termId,
    CASES.filter((c) => c.demo === 'mid-term'),
    files,
  );
  await download(
    reorganised,
    demo.termId,
    CASES.filter((c) => c.demo === '2025'),
    files,
  );
  for (const out of convertToPdf(files, join(work, 'pdf'), join(work, 'profile'))) {
    recalculated[(out.split('/').at(-1) as string).replace(/\.pdf$/, '')] = out;
  }
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(CASES)('$name ($asOf): the same figures in every reader', (c) => {
  it('the reorganised demo has the story to tell at this date', () => {
    const { dashboard } = got[c.name] as Downloaded;
    if (c.asOf === '2025-12-31') expect(dashboard.scope.unit.code).toBe('68');
    else expect(dashboard.scope.unit.code).toBe('60');
    if (c.asOf === '2024-06-30') expect(dashboard.headline).toMatchObject({ done: 7, counted: 8 });
  });

  it('DOCX text: each target row reads as the dashboard, and the headline', () => {
    const { dashboard, docx } = got[c.name] as Downloaded;
    const text = docx.replace(/\s+/g, ' ');
    expect(text).toContain(`Hoàn thành ${dashboard.headline.done}/${dashboard.headline.counted} chỉ tiêu`);
    for (const t of dashboard.targets) {
      const row = expectedRow(t);
      expect(text, `${t.code}: ${JSON.stringify(row)}`).toContain(
        ` ${row.unit} ${row.goal} ${row.result} ${row.pct} ${row.status} `,
      );
    }
  });

  it('XLSX recalculated by LibreOffice: every target line as the dashboard', () => {
    const layout = pdfText(recalculated[c.name] as string, { layout: true, first: 1, last: 1 });
    for (const t of (got[c.name] as Downloaded).dashboard.targets) {
      const row = expectedRow(t);
      expect(xlsxTargetLine(layout, t.code, row), `${t.code}: ${JSON.stringify(row)}`).toBeDefined();
    }
  });

  it('CSV: the scope’s flows over the periods add up to the dashboard figure', () => {
    const { dashboard, csv } = got[c.name] as Downloaded;
    const end = (date: string) => date.split('/').reverse().join('-');
    let compared = 0;
    for (const t of dashboard.targets) {
      const rows = csv.filter(
        (r) =>
          r.Cấp === '0' &&
          r['Mã chỉ tiêu'] === t.code &&
          r['Chỉ số chính'] === '1' &&
          end(r['Đến ngày'] as string) <= c.asOf,
      );
      const type = t.indicator.measureType;
      if (type === 'cumulative' || type === 'amount') {
        const sum = rows.reduce((s, r) => s + (r['Giá trị'] ? Number(r['Giá trị']) : 0), 0);
        const reported = rows.some((r) => r['Giá trị'] !== '');
        expect(reported ? Math.round(sum * 10 ** t.indicator.decimals) : null, t.code).toBe(t.figure.value);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });
});
