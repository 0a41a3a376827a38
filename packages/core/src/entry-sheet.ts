/**
 * The entry workbook as data, the contract between the database (which fills the template and
 * applies an upload) and the exports package (which writes and reads the XLSX). Here, below both,
 * so that neither has to import the other.
 */
import type { MeasureType } from './measures.ts';

/** Which term, unit and period a template belongs to (its hidden sheet). */
export interface TemplateMeta {
  termId: number;
  unitId: number;
  periodId: number;
}

export interface TemplateIndicator {
  code: string;
  name: string;
  measurementUnit: string;
  measureType: MeasureType;
  decimals: number;
}

/** A stored result in scaled integers (87,5 with 1 decimal is 875), as in the database. */
export interface TemplateFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: boolean | null;
}

/** What the template is filled with. */
export interface EntryTemplateInput {
  term: { id: number; name: string };
  unit: { id: number; code: string; name: string };
  /** name: '6 tháng cuối năm 2024'; label adds the dates: '… (01/07/2024 – 31/12/2024)'. */
  period: { id: number; name: string; label: string; deadline: string };
  rows: {
    unit: { code: string; name: string };
    targetCode: string;
    indicator: TemplateIndicator;
    current: (TemplateFigure & { note: string | null; evidenceUrl: string | null }) | null;
    previous: TemplateFigure | null;
  }[];
}

/** A cell read as text, or the reason it cannot be. `text` is null for an empty cell. */
export interface CellText {
  text: string | null;
  problem?: string;
}

export interface SheetCell extends CellText {
  /** 'H7' */
  address: string;
}

export interface SheetRow {
  row: number;
  unitCode: SheetCell;
  indicatorCode: SheetCell;
  value: SheetCell;
  numerator: SheetCell;
  denominator: SheetCell;
  meets: SheetCell & { flag: boolean | null };
  note: SheetCell;
  evidenceUrl: SheetCell;
}

/** An uploaded workbook, read: every data row's cells as text. */
export interface EntryWorkbook {
  sheet: string;
  meta: TemplateMeta;
  rows: SheetRow[];
}
