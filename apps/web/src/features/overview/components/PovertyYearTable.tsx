import { useI18n } from '../../../i18n.ts';
import { formatInteger } from '../../../lib/numbers.ts';
import type { YearRow } from '../charts/types.ts';

type Translate = ReturnType<typeof useI18n>['t'];

const households = (t: Translate, value: number | null) =>
  value === null ? t('status.unreported') : formatInteger(value);

/** Households out of poverty by year, and the yearly plan where one is set: the poverty chart as a table. */
export function PovertyYearTable({ rows, caption }: { rows: YearRow[]; caption: string }) {
  const { t } = useI18n();
  const hasPlan = rows.some((r) => r.plan !== null);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.poverty.year')}</th>
          <th scope="col" className="num">
            {t('chart.poverty.households')}
          </th>
          {hasPlan && (
            <th scope="col" className="num">
              {t('chart.poverty.plan')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{households(t, r.value)}</td>
            {hasPlan && <td className="num">{r.plan === null ? '—' : formatInteger(r.plan)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same figures in one sentence, for screen readers on the chart. */
export const povertySummary = (t: Translate, rows: YearRow[]) =>
  t('chart.poverty.summary', { list: rows.map((r) => `${r.label}: ${households(t, r.value)}`).join('; ') });
