/**
 * Exported files as a reader gets them: converted to PDF by LibreOffice in a Vietnamese locale, their
 * text read back with poppler, their pages rendered to images and compared with reference images.
 * Needs `soffice` (libreoffice-writer-nogui, libreoffice-calc-nogui), `pdftotext`/`pdftoppm`
 * (poppler-utils), fonts-liberation2 and the vi_VN.UTF-8 locale: `.ci/run` installs them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  formatInteger,
  formatMoneyIn,
  formatPercent,
  formatRatioPercent,
  formatScaled,
  MONEY_SCALE_UNITS,
  moneyScale,
} from '@chitieu/core';
import JSZip from 'jszip';
import { type GreyImage, readGreyPng } from './png.ts';

/** Convert files to PDF with one LibreOffice run (its own profile: another soffice cannot take the job). */
export function convertToPdf(files: string[], outDir: string, profile: string): string[] {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { env: { ...process.env, LC_ALL: 'vi_VN.UTF-8', LANG: 'vi_VN.UTF-8' }, stdio: 'pipe', timeout: 240_000 },
  );
  return files.map((f) => join(outDir, `${basename(f).replace(/\.[^.]+$/, '')}.pdf`));
}

/** The PDF's text; `layout` keeps each printed line on one line, columns apart. */
export function pdfText(pdf: string, opts: { layout?: boolean; first?: number; last?: number } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (opts.layout) args.push('-layout');
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  return execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Text with line breaks and runs of spaces undone (a title may wrap across lines). */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

export interface PdfWord {
  page: number;
  pageWidth: number;
  pageHeight: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word of the PDF with its box (points, from the top left), page by page. */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      page++;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
      continue;
    }
    words.push({
      page,
      pageWidth,
      pageHeight,
      x0: Number(m[3]),
      y0: Number(m[4]),
      x1: Number(m[5]),
      y1: Number(m[6]),
      text: decodeEntities(m[7] as string),
    });
  }
  return words;
}

/**
 * An XLSX with the cached results of its formulas removed: a reader must calculate every formula
 * itself (LibreOffice does, on opening), as it would after a tool that does not cache results.
 */
export async function withoutCachedValues(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; formulas: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let formulas = 0;
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await zip.file(name)?.async('string');
    if (!xml) continue;
    const stripped = xml.replace(
      /(<c\b[^>]*>)(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g,
      (_, open: string, f: string) => {
        formulas++;
        // A formula's cell typed as a string (t="str") keeps that type without a value; drop it too.
        return `${open.replace(/\st="[^"]*"/, '')}${f}`;
      },
    );
    zip.file(name, stripped);
  }
  // Ask for a full calculation on load, as Excel writes after such an edit.
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  if (workbook) {
    zip.file(
      'xl/workbook.xml',
      workbook.replace(/<calcPr\b[^>]*\/>/, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'),
    );
  }
  return { bytes: new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), formulas };
}

/** Pages of a PDF as grey images (pdftoppm), written next to `prefix` and read back. */
export function renderPages(
  pdf: string,
  prefix: string,
  first: number,
  last: number,
  dpi: number,
): GreyImage[] {
  execFileSync('pdftoppm', [
    '-png',
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(first),
    '-l',
    String(last),
    pdf,
    prefix,
  ]);
  const digits = String(pdfPages(pdf)).length;
  const images: GreyImage[] = [];
  for (let p = first; p <= last; p++) images.push(readGreyPng(readFileSync(pageFile(prefix, p, digits))));
  return images;
}

/** pdftoppm names pages with as many digits as the last page number has. */
export const pageFile = (prefix: string, page: number, digits: number) =>
  `${prefix}-${String(page).padStart(digits, '0')}.png`;

/** Average of each pixel's square of (2r+1)² neighbours: edges softened, shapes kept. */
function blur(image: GreyImage, radius: number): Float32Array {
  const { width, height, pixels } = image;
  const rows = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let n = 0;
      for (let dx = -radius; dx <= radius; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= width) continue;
        sum += pixels[y * width + xx] as number;
        n++;
      }
      rows[y * width + x] = sum / n;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        sum += rows[yy * width + x] as number;
        n++;
      }
      out[y * width + x] = sum / n;
    }
  }
  return out;
}

export interface PageComparison {
  /** Share of pixels that differ by more than the tolerance after softening both images. */
  changedShare: number;
  changedPixels: number;
  /** The reference, faded, with the changed pixels in black: what to look at when it fails. */
  diff: GreyImage;
}

/**
 * How a page may differ from its reference and still be the same layout. Measured on the province's
 * first page at 60 dpi: rendered again, 0 pixels differ; rendered with anti-aliasing switched off (far
 * more than font-hinting differences between machines), 0,027%; one more word in the first paragraph
 * (a paragraph re-wrapped), 0,128%; one more line, 5,6%.
 */
export const PAGE_TOLERANCE = { radius: 3, level: 48, share: 0.0006 };

/**
 * Compare a rendered page with its reference. Both are softened (a box blur) before a per-pixel
 * comparison with a tolerance, so that anti-aliasing and hinting, which move glyph edges by a pixel,
 * do not count, while a line that moves, wraps differently or appears moves whole glyphs and does. A
 * different page size is a change of everything.
 */
export function comparePages(
  actual: GreyImage,
  reference: GreyImage,
  { radius, level } = PAGE_TOLERANCE,
): PageComparison {
  const { width, height } = reference;
  if (actual.width !== width || actual.height !== height) {
    return { changedShare: 1, changedPixels: width * height, diff: reference };
  }
  const a = blur(actual, radius);
  const b = blur(reference, radius);
  const diff = new Uint8Array(width * height);
  let changed = 0;
  for (let i = 0; i < diff.length; i++) {
    const delta = Math.abs((a[i] as number) - (b[i] as number));
    if (delta > level) {
      changed++;
      diff[i] = 0;
    } else diff[i] = 192 + Math.round(((reference.pixels[i] as number) * 63) / 255);
  }
  return {
    changedShare: changed / diff.length,
    changedPixels: changed,
    diff: { width, height, pixels: diff },
  };
}

// ---------------------------------------------------------------- a report's figures as the dashboard gives them

export interface DashboardTarget {
  code: string;
  wording: string;
  goal: number | null;
  status: string | null;
  indicator: { measureType: string; decimals: number; measurementUnit: string };
  figure: { value: number | null; meeting: number; expected: number; hasData: boolean };
}
export interface Dashboard {
  headline: { done: number; counted: number };
  targets: DashboardTarget[];
}

const STATUS_WORDS: Record<string, string> = {
  exceeded: 'Vượt',
  achieved: 'Đạt',
  on_track: 'Có khả năng đạt',
  at_risk: 'Khó đạt',
  behind: 'Chưa đạt',
};

/**
 * What the targets table must print for a dashboard target, worked out here from the API's integers
 * with @chitieu/core's formats: ĐVT, goal, result, "% so với NQ", status. Money is written in one
 * scale per row, the one ĐVT names.
 */
export function expectedRow(t: DashboardTarget) {
  const { measureType, decimals, measurementUnit } = t.indicator;
  const value = t.figure.value;
  const scale = measureType === 'amount' ? moneyScale([t.goal ?? 0, value ?? 0]) : null;
  const unit = scale ? MONEY_SCALE_UNITS[scale] : measureType === 'ratio' ? '%' : measurementUnit;
  const share = measureType === 'ratio' || measureType === 'units_meeting';
  const goal =
    t.goal === null
      ? '—'
      : share
        ? `${formatScaled(t.goal, decimals, { trimZeros: true })}%`
        : scale
          ? formatMoneyIn(t.goal, scale, { trimZeros: true })
          : formatScaled(t.goal, decimals);
  const result =
    value === null
      ? t.figure.hasData
        ? 'Không phát sinh'
        : 'Chưa có số liệu'
      : measureType === 'units_meeting'
        ? `${formatInteger(t.figure.meeting)}/${formatInteger(t.figure.expected)} ${measurementUnit}`
        : measureType === 'ratio'
          ? formatPercent(value, decimals)
          : scale
            ? formatMoneyIn(value, scale, { trimZeros: true })
            : formatScaled(value, decimals);
  const pct = value === null || t.goal === null || t.goal === 0 ? '—' : formatRatioPercent(value, t.goal, 1);
  const status =
    t.status !== null
      ? (STATUS_WORDS[t.status] as string)
      : value === null
        ? t.figure.hasData
          ? 'Không phát sinh'
          : 'Chưa báo cáo'
        : t.goal === null
          ? '—'
          : 'Chưa báo cáo';
  return { unit, goal, result, pct, status };
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The summary sheet's line of a target: its code last, the figures in their columns before it. */
export function xlsxTargetLine(
  layout: string,
  code: string,
  row: ReturnType<typeof expectedRow>,
): string | undefined {
  const pattern = new RegExp(
    `\\s${literal(row.unit)}\\s+${literal(row.goal)}\\s+${literal(row.result)}\\s+${literal(row.pct)}\\s+${literal(row.status)}\\s.*\\s${code}\\s*$`,
  );
  return layout.split('\n').find((line) => pattern.test(line));
}
