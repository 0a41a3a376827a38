/** Plain rows handed to the lazy chart modules (formatting stays in the main bundle's helpers). */
export interface YearRow {
  key: string;
  label: string;
  value: number | null;
  plan: number | null;
}

export interface UnitRow {
  id: number;
  name: string;
  shortName: string;
  count: number;
  /** đồng; null when the value was not reported. */
  value: number | null;
}
