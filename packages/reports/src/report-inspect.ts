/**
 * Reading a built DOCX back: its XML parts, its text, its tables as rows of cell texts, and a strict
 * well-formedness check of every XML part. Tests use it to check what a reader would see; nothing
 * here is needed to build a file.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export interface DocxContents {
  files: string[];
  documentXml: string;
  stylesXml: string;
  /** header1.xml … by file name */
  headers: Record<string, string>;
  media: string[];
  /** Paragraph texts of the body, in order. */
  paragraphs: string[];
  /** Each table as rows of cell texts (a cell's paragraphs joined with '\n'). */
  tables: string[][][];
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');

/** The text of a run of WordprocessingML: every <w:t>, tabs as spaces. */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g))
    out += m[1] === undefined ? ' ' : decode(m[1]);
  return out;
}

const paragraphsIn = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));

/** Throws with the position of the first well-formedness error of an XML document. */
export function assertWellFormedXml(xml: string, name = 'XML'): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= new Error(`${name}: ${error.message}`);
  });
  parser.write(xml).close();
  if (failure) throw failure;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  // Every XML part must be well-formed, or Word refuses the file.
  for (const name of files.filter((f) => /\.(xml|rels)$/.test(f)))
    assertWellFormedXml(await read(name), name);
  const documentXml = await read('word/document.xml');
  const headers: Record<string, string> = {};
  for (const name of files.filter((f) => /^word\/header\d+\.xml$/.test(f))) {
    headers[name.slice('word/'.length)] = await read(name);
  }
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphsIn(cell[0]).join('\n')),
    ),
  );
  return {
    files,
    documentXml,
    stylesXml: await read('word/styles.xml'),
    headers,
    media: files.filter((f) => f.startsWith('word/media/')),
    paragraphs: paragraphsIn(documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')),
    tables,
  };
}

/** All the text of a DOCX body (paragraphs and table cells), one line per paragraph. */
export function docxText(contents: DocxContents): string {
  return paragraphsIn(contents.documentXml).join('\n');
}
