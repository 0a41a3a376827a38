/** Checking the settings a user saves: the text, the document number and the dates against the term. */
import {
  DOCUMENT_NUMBER_PATTERN,
  DOCUMENT_SYMBOL_PATTERN,
  formatDate,
  invalid,
  textProblem,
} from '@chitieu/core';
import type { Term } from '../lookups.ts';
import { REPORT_SECTIONS, type ReportSettingsInput } from './definitions.ts';

/** Labels of the settings' fields, for messages about them. */
const FIELD_LABELS = {
  parentBody: 'Tên cơ quan chủ quản',
  issuingBody: 'Tên cơ quan ban hành',
  documentNumber: 'Số văn bản',
  documentSymbol: 'Ký hiệu văn bản',
  place: 'Địa danh',
  title: 'Tên báo cáo',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  recipients: 'Nơi nhận',
} as const;

/** Refuse a character that cannot go into a document (@chitieu/core text.ts), naming the field. */
function checkText(param: string, label: string, text: string, multiline = false) {
  const problem = textProblem(label, text, { multiline });
  if (problem) throw invalid(problem, { param });
}

/** Trim, check text, the number and the dates against the term, and put the sections in their order. */
export function normaliseSettings(term: Term, input: ReportSettingsInput): ReportSettingsInput {
  if (input.asOf < term.startDate || input.asOf > term.endDate) {
    throw invalid(
      `Ngày số liệu của báo cáo phải nằm trong nhiệm kỳ (${formatDate(term.startDate)} – ${formatDate(term.endDate)}).`,
      { param: 'asOf' },
    );
  }
  if (input.reportDate !== null && input.reportDate < input.asOf) {
    throw invalid(
      `Ngày văn bản (${formatDate(input.reportDate)}) không được trước ngày số liệu (${formatDate(input.asOf)}).`,
      { param: 'reportDate' },
    );
  }
  for (const key of ['parentBody', 'issuingBody', 'signerTitle', 'recipients'] as const) {
    for (const line of input[key]) checkText(key, FIELD_LABELS[key], line);
  }
  for (const key of ['documentNumber', 'documentSymbol', 'place', 'signerName'] as const) {
    checkText(key, FIELD_LABELS[key], input[key]);
  }
  checkText('title', FIELD_LABELS.title, input.title, true);
  for (const x of input.sections) {
    checkText('sections', `Tên phần “${x.title}”`, x.title);
    checkText('sections', `Nội dung phần “${x.title}”`, x.body, true);
  }
  const number = input.documentNumber.trim();
  if (number !== '' && !DOCUMENT_NUMBER_PATTERN.test(number)) {
    throw invalid(`Số văn bản chỉ gồm chữ số (ví dụ 45), không phải “${number}”; ký hiệu ghi ở ô riêng.`, {
      param: 'documentNumber',
    });
  }
  const symbol = input.documentSymbol.trim();
  if (symbol !== '' && !DOCUMENT_SYMBOL_PATTERN.test(symbol)) {
    throw invalid(
      `Ký hiệu văn bản chỉ gồm chữ, số và các dấu - . / & (ví dụ BC-HPN), không phải “${symbol}”.`,
      {
        param: 'documentSymbol',
      },
    );
  }
  const lines = (list: string[]) => list.map((x) => x.trim()).filter((x) => x !== '');
  const seen = new Set<string>();
  for (const x of input.sections) {
    if (seen.has(x.key)) throw invalid(`Phần “${x.title}” bị lặp lại.`, { param: 'sections' });
    seen.add(x.key);
  }
  return {
    parentBody: lines(input.parentBody),
    issuingBody: lines(input.issuingBody),
    motto: input.motto,
    documentNumber: number,
    documentSymbol: symbol,
    place: input.place.trim(),
    reportDate: input.reportDate,
    asOf: input.asOf,
    title: input.title.trim(),
    signerTitle: lines(input.signerTitle),
    signerName: input.signerName.trim(),
    recipients: lines(input.recipients),
    sections: REPORT_SECTIONS.map((def) => {
      const given = input.sections.find((x) => x.key === def.key);
      return { key: def.key, title: given?.title.trim() || def.title, body: given?.body ?? '' };
    }),
  };
}
