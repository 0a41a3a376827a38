/**
 * "Dữ liệu": unit × target indicator × period rows with an autofilter (the CSV's columns, dates as
 * dates); a hidden sheet, so that printing the workbook does not print ~80 pages of raw data.
 */
import type { ReportData } from '@chitieu/db';
import type ExcelJS from 'exceljs';
import { RAW_COLUMNS, rawRecords } from './report-rows.ts';
import { neutraliseFormula } from './report-text.ts';
import { decimalFormat } from './xlsx-numbers.ts';
import { RAW_SHEET, sheetOptions, styleHeader } from './xlsx-sheet.ts';

const DATE_COLUMNS = new Set(['periodStart', 'periodEnd', 'asOf']);

/** 'dd/mm/yyyy' text (as the CSV writes it) → the date a spreadsheet holds. */
function dateOf(text: string): Date | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
}

export function rawSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: ReportData) {
  const records = rawRecords(data);
  const sheet = workbook.addWorksheet(RAW_SHEET, sheetOptions(1, 'hidden'));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, records.length + 1), column: RAW_COLUMNS.length },
  };
  sheet.columns = RAW_COLUMNS.map((c) => ({ width: c.width }));
  const header = sheet.addRow(RAW_COLUMNS.map((c) => c.header));
  styleHeader(header, RAW_COLUMNS.length);
  header.commit();
  const numeric = new Set([
    'level',
    'primary',
    'numerator',
    'denominator',
    'meeting',
    'reported',
    'expected',
  ]);
  const valueColumn = RAW_COLUMNS.findIndex((c) => c.key === 'value') + 1;
  const dateColumns = new Set(
    RAW_COLUMNS.map((c, i) => (DATE_COLUMNS.has(c.key) ? i + 1 : 0)).filter((i) => i > 0),
  );
  // exceljs renders a style to XML for every cell to find its id, unless it has seen the very same
  // style object before: shared, never mutated style objects make this sheet several times faster.
  const plain: Partial<ExcelJS.Style> = Object.freeze({});
  const dateStyle: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'dd/mm/yyyy' });
  const valueStyles = new Map<number, Partial<ExcelJS.Style>>();
  const valueStyle = (decimals: number) => {
    let style = valueStyles.get(decimals);
    if (!style) {
      style = Object.freeze({ numFmt: decimalFormat(decimals) });
      valueStyles.set(decimals, style);
    }
    return style;
  };
  const dates = new Map<string, Date | null>();
  const date = (text: string) => {
    let d = dates.get(text);
    if (d === undefined) {
      d = dateOf(text);
      dates.set(text, d);
    }
    return d;
  };
  for (const record of records) {
    const values = RAW_COLUMNS.map((c) => {
      const v = record[c.key];
      if (v === null) return null;
      if (c.key === 'value') return Number(v);
      if (numeric.has(c.key)) return v;
      if (DATE_COLUMNS.has(c.key) && typeof v === 'string') return date(v) ?? v;
      return typeof v === 'string' ? neutraliseFormula(v) : v;
    });
    const row = sheet.addRow(values);
    const value = record.value;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style =
        col === valueColumn && typeof value === 'string'
          ? valueStyle(value.split('.')[1]?.length ?? 0)
          : dateColumns.has(col)
            ? dateStyle
            : plain;
    });
    row.commit();
  }
  sheet.commit();
}
