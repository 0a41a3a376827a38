/**
 * The report's parts in words: "I.", "II." headings in bold capitals, sub-headings, the narratives
 * typed in the settings, and the signature block beside "Nơi nhận:".
 */
import type { ReportSettingsInput } from '@chitieu/db';
import { AlignmentType, type Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import { BODY_SPACING, cell, NO_BORDERS, para, SIZE, TEXT_WIDTH, TIGHT } from './docx-layout.ts';
import { roman } from './report-heading.ts';
import { cleanText, paragraphsOf } from './report-text.ts';

export const partHeading = (n: number, title: string) =>
  para(`${roman(n)}. ${cleanText(title).toLocaleUpperCase('vi')}`, {
    align: AlignmentType.LEFT,
    indent: true,
    keepNext: true,
    spacing: { ...BODY_SPACING, before: 200 },
    style: { bold: true, size: SIZE.body },
  });

export const subHeading = (text: string) =>
  para(text, {
    align: AlignmentType.LEFT,
    indent: true,
    keepNext: true,
    style: { bold: true, size: SIZE.body },
  });

export function narrative(body: string): Paragraph[] {
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length === 0) {
    return [para('(Chưa có nội dung.)', { indent: true, style: { italics: true, size: SIZE.body } })];
  }
  return paragraphs.map((text) => para(text, { indent: true, style: { size: SIZE.body } }));
}

export function signatureBlock(settings: ReportSettingsInput): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    para('Nơi nhận:', {
      align: AlignmentType.LEFT,
      spacing: TIGHT,
      style: { bold: true, italics: true, size: SIZE.recipientsTitle },
    }),
    ...settings.recipients.map((r) =>
      para(`- ${cleanText(r)}`, {
        align: AlignmentType.LEFT,
        spacing: TIGHT,
        style: { size: SIZE.recipients },
      }),
    ),
  ];
  const signer = [
    ...settings.signerTitle.map((line) =>
      para(line.toLocaleUpperCase('vi'), {
        align: AlignmentType.CENTER,
        spacing: TIGHT,
        style: { bold: true, size: SIZE.body },
      }),
    ),
    ...Array.from({ length: 4 }, () => para('', { spacing: TIGHT, style: { size: SIZE.body } })),
    para(settings.signerName, {
      align: AlignmentType.CENTER,
      spacing: TIGHT,
      style: { bold: true, size: SIZE.body },
    }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(recipients, left, { borders: false }), cell(signer, right, { borders: false })],
      }),
    ],
  });
}
