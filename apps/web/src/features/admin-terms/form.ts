/**
 * Small helpers the setup forms share: dates typed dd/mm/yyyy (read by @chitieu/core, the same
 * grammar as everywhere else) and the labels of measure types and period kinds.
 */
import { formatDate, type MeasureType, type PeriodKind, parseDate } from '@chitieu/core';
import type { MessageKey } from '../../i18n.ts';

export const MEASURE_LABELS: Record<MeasureType, MessageKey> = {
  cumulative: 'terms.measure.cumulative',
  amount: 'terms.measure.amount',
  stock: 'terms.measure.stock',
  ratio: 'terms.measure.ratio',
  units_meeting: 'terms.measure.units_meeting',
};

export const FREQUENCY_LABELS: Record<PeriodKind, MessageKey> = {
  year: 'terms.frequency.year',
  half: 'terms.frequency.half',
  quarter: 'terms.frequency.quarter',
};

/** ISO → '05/03/2024' for an input; empty stays empty. */
export const dateInput = (iso: string | null | undefined) => (iso ? formatDate(iso) : '');

/** Read typed dates; the first error (with the field's label) or the ISO values. */
export function readDates<K extends string>(
  fields: Record<K, { text: string; label: string; optional?: boolean }>,
): { ok: true; values: Record<K, string | null> } | { ok: false; field: K; message: string } {
  const values = {} as Record<K, string | null>;
  for (const key of Object.keys(fields) as K[]) {
    const { text, label, optional } = fields[key];
    if (optional && text.trim() === '') {
      values[key] = null;
      continue;
    }
    const parsed = parseDate(text);
    if (!parsed.ok) return { ok: false, field: key, message: `${label}: ${parsed.message}` };
    values[key] = parsed.value;
  }
  return { ok: true, values };
}
