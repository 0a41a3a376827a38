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
import { cleanReportData } from './report-text.ts';

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
};

/** Exact widths for Vega's layout and label truncation (see font-metrics.ts). */
vegaRuntime.textMetrics.width = (item, text) => {
  const line = text == null ? '' : String(text).trim();
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  return textWidth(bold ? BOLD : REGULAR, line, item.fontSize ?? 11);
};

/**
 * Numbers on axes in the Vietnamese way: 1.000, 0,5. A View takes the locale's specification
 * ({ number }), not formatters: given formatters it fell back to 0.5 on the axes.
 */
export const VI_NUMBER_LOCALE = {
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['', ' đồng'] as [string, string],
};

/** Vega-Lite → SVG, numbers in the Vietnamese way. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const runtime = vega.parse(compile(spec).spec);
  const view = new vega.View(runtime, {
    renderer: 'none',
    // The typings say formatters; the runtime reads a specification (vega-view View.js).
    locale: { number: VI_NUMBER_LOCALE } as unknown as vega.LocaleFormatters,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Vega-Lite → SVG (Vietnamese number locale), then resvg → PNG with our fonts. */
export async function renderSpec(
  spec: TopLevelSpec,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const svg = await renderSvg(spec);
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
}

/** The charts of a report (all three, or the ones asked for), drawn one after another. */
export async function reportCharts(
  data: ReportData,
  keys: readonly ChartKey[] = CHART_KEYS,
): Promise<ChartImage[]> {
  const out: ChartImage[] = [];
  // Names reach the SVG as they are: clean them, or one control character in a commune's name
  // makes the SVG unreadable ("non-XML character") and the chart, the DOCX and issuing fail.
  for (const c of chartSpecs(cleanReportData(data))) {
    if (!keys.includes(c.key)) continue;
    if (!c.spec) {
      out.push({ key: c.key, title: c.title, png: null, width: 0, height: 0 });
      continue;
    }
    out.push({ key: c.key, title: c.title, ...(await renderSpec(c.spec)) });
  }
  return out;
}
