/**
 * Text widths from the fonts we draw with. Without a canvas, Vega guesses a text's width as
 * 0,8 × font size per character, about 60% too wide for Liberation Sans: labels get cut short
 * ("Hộ thoát nghèo, cận n…") and charts get wide empty margins. We read the advance widths from
 * the TrueType files themselves (cmap + hmtx) and give Vega exact widths, as vl-convert does.
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  unitsPerEm: number;
  /** Advance width in font units of a code point; null when the font has no glyph for it. */
  advance(codePoint: number): number | null;
}

/** Parse the few tables needed for advance widths (format 4 cmap: the Basic Multilingual Plane). */
export function readFontMetrics(file: string): FontMetrics {
  const buf = readFileSync(file);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(buf.toString('latin1', at, at + 4), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricsCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metricsCount - 1));

  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const offset = cmap + view.getUint32(cmap + 8 + 8 * i);
    if (view.getUint16(offset) === 4 && (platform === 3 || platform === 0) && encoding <= 1) sub = offset;
  }
  if (sub < 0) throw new Error(`${file}: no Unicode BMP cmap`);
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const glyphOf = (c: number): number => {
    for (let i = 0; i < segments; i++) {
      if (view.getUint16(ends + 2 * i) < c) continue;
      const start = view.getUint16(starts + 2 * i);
      if (start > c) return 0;
      const delta = view.getInt16(deltas + 2 * i);
      const rangeAt = rangeOffsets + 2 * i;
      const range = view.getUint16(rangeAt);
      if (range === 0) return (c + delta) & 0xffff;
      const glyph = view.getUint16(rangeAt + range + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number | null>();
  return {
    unitsPerEm,
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        const glyph = codePoint > 0xffff ? 0 : glyphOf(codePoint);
        width = glyph === 0 ? null : advanceOf(glyph);
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

/** Width of a line of text in pixels at a font size, falling back to an average width for unknown glyphs. */
export function textWidth(metrics: FontMetrics, text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) as number;
    units += metrics.advance(cp) ?? metrics.unitsPerEm * 0.55;
  }
  return (units * fontSize) / metrics.unitsPerEm;
}
