/**
 * The report's charts as PNG images, drawn on the server: a Vega-Lite spec → Vega → SVG → resvg.
 * resvg draws no text without fonts, so the fonts we ship (packages/reports/fonts, Liberation Sans,
 * with Vietnamese glyphs) are passed explicitly: the same pixels on any machine. Heavy modules
 * (vega, resvg): load this file in a worker, through report-build.ts.
 */
import { fileURLToPath } from 'node:url';
import type { ReportData } from '@chitieu/db';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { readFontMetrics, textWidth } from './font-metrics.ts';
import { CHART_FONT, CHART_KEYS, type ChartImage, type ChartKey, chartSpecs } from './report-chart-specs.ts';

export const CHART_FONT_FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) =>
  fileURLToPath(new URL(`../fonts/${f}`, import.meta.url)),
);

/** Pixels per CSS pixel in the PNG (sharp in print at ~190 dpi across 16 cm). */
const ZOOM = 2;

const [REGULAR, BOLD] = CHART_FONT_FILES.map(readFontMetrics) as [
  ReturnType<typeof readFontMetrics>,
  ReturnType<typeof readFontMetrics>,
];

/** Parts of Vega's runtime that its type definitions leave out. */
const vegaRuntime = vega as unknown as {
  textMetrics: {
    width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number;
  };
  locale: (
    numberSpec: { decimal: string; thousands: string; grouping: number[]; currency: [string, string] },
    timeSpec?: unknown,
  ) => vega.LocaleFormatters;
};

/** Exact widths for Vega's layout and label truncation (see font-metrics.ts). */
vegaRuntime.textMetrics.width = (item, text) => {
  const line = text == null ? '' : String(text).trim();
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  return textWidth(bold ? BOLD : REGULAR, line, item.fontSize ?? 11);
};

/** Numbers on axes in the Vietnamese way: 1.000, 0,5. */
const VI_LOCALE = vegaRuntime.locale({
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['', ' đồng'],
});

/** Vega-Lite → SVG (Vietnamese number locale), then resvg → PNG with our fonts. */
export async function renderSpec(
  spec: TopLevelSpec,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const runtime = vega.parse(compile(spec).spec);
  const view = new vega.View(runtime, { renderer: 'none', locale: VI_LOCALE });
  try {
    const svg = await view.toSVG();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: ZOOM },
      font: {
        fontFiles: CHART_FONT_FILES,
        loadSystemFonts: false,
        defaultFontFamily: CHART_FONT,
        sansSerifFamily: CHART_FONT,
      },
    });
    const image = resvg.render();
    return {
      png: new Uint8Array(image.asPng()),
      width: Math.round(image.width / ZOOM),
      height: Math.round(image.height / ZOOM),
    };
  } finally {
    view.finalize();
  }
}

/** The charts of a report (all three, or the ones asked for), drawn one after another. */
export async function reportCharts(
  data: ReportData,
  keys: readonly ChartKey[] = CHART_KEYS,
): Promise<ChartImage[]> {
  const out: ChartImage[] = [];
  for (const c of chartSpecs(data)) {
    if (!keys.includes(c.key)) continue;
    if (!c.spec) {
      out.push({ key: c.key, title: c.title, png: null, width: 0, height: 0 });
      continue;
    }
    out.push({ key: c.key, title: c.title, ...(await renderSpec(c.spec)) });
  }
  return out;
}
