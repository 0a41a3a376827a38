import { EmptyState } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { goalText, pctOfGoalText } from '../../../lib/figures.ts';
import { formatInteger, formatMoney } from '../../../lib/numbers.ts';
import { statusKey } from '../../../lib/status.ts';
import { StatusBadge } from '../../overview/components/StatusBadge.tsx';
import type { MissionView } from '../api/get-mission.ts';
import { countText, yearLabel } from '../format.ts';

/** New-rural works and their value, by year or by unit: the two rural charts as tables. */
export function WorksTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { key: number; label: string; count: number | null; value: number | null }[];
}) {
  const { t } = useI18n();
  const reported = rows.filter((r) => r.count !== null);
  const totalCount = reported.reduce((sum, r) => sum + (r.count ?? 0), 0);
  const valued = rows.filter((r) => r.value !== null);
  const totalValue = valued.reduce((sum, r) => sum + (r.value ?? 0), 0);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="num">
            {t('missions.works')}
          </th>
          <th scope="col" className="num">
            {t('missions.worksValue')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.count === null ? 'data-table__muted' : undefined}>
            <th scope="row">{r.label}</th>
            <td className="num">{countText(t, r.count)}</td>
            <td className="num">{r.value === null ? t('status.unreported') : formatMoney(r.value)}</td>
          </tr>
        ))}
      </tbody>
      {reported.length > 0 && (
        <tfoot>
          <tr className="data-table__total">
            <th scope="row">{t('table.total')}</th>
            <td className="num">{formatInteger(totalCount)}</td>
            <td className="num">{valued.length === 0 ? '—' : formatMoney(totalValue)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** A unit's name: a button that opens its own units when it has some. */
export function UnitName({
  unit,
  onUnit,
}: {
  unit: { id: number; name: string; hasChildren: boolean };
  onUnit: (id: number) => void;
}) {
  const { t } = useI18n();
  return unit.hasChildren ? (
    <button
      type="button"
      className="link-button"
      onClick={() => onUnit(unit.id)}
      title={t('chart.works.drill', { unit: unit.name })}
    >
      {unit.name}
    </button>
  ) : (
    unit.name
  );
}

export function StatusCell({ row }: { row: MissionView['units'][number] | MissionView['total'] }) {
  if (row.goal === null) return <>—</>;
  return <StatusBadge status={statusKey(row.status, row.figure, row.goal)} size="sm" />;
}

/** Units × years, with the unit's total, its goal, % and status: the table behind a mission. */
export function UnitYearTable({
  data,
  onUnit,
  title,
}: {
  data: MissionView;
  onUnit: (id: number) => void;
  title: string;
}) {
  const { t } = useI18n();
  const { units, years, target, secondIndicator, total } = data;
  if (units.length === 0) return <EmptyState>{t('chart.works.noChildren')}</EmptyState>;
  const hasGoal = units.some((u) => u.goal !== null);
  const money = (v: number | null) => (v === null ? t('status.unreported') : formatMoney(v));
  return (
    <section className="leaders-section" aria-label={title}>
      <h2>{title}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('missions.unit')}</th>
              {years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {yearLabel(t, y)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('missions.total')}
              </th>
              {secondIndicator && (
                <th scope="col" className="num">
                  {t('missions.worksValue')}
                </th>
              )}
              {hasGoal && (
                <th scope="col" className="num">
                  {t('missions.allocated')}
                </th>
              )}
              {hasGoal && (
                <th scope="col" className="num">
                  {t('missions.pct')}
                </th>
              )}
              {hasGoal && <th scope="col">{t('missions.status')}</th>}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} className={u.value === null ? 'data-table__muted' : undefined}>
                <th scope="row">
                  <UnitName unit={u} onUnit={onUnit} />
                </th>
                {u.byYear.map((c, i) => (
                  <td key={years[i]?.year} className="num">
                    {c.value === null ? '—' : formatInteger(c.value)}
                  </td>
                ))}
                <td className="num">
                  <strong>{countText(t, u.value)}</strong>
                </td>
                {secondIndicator && <td className="num">{money(u.second)}</td>}
                {hasGoal && (
                  <td className="num">{u.goal === null ? '—' : goalText(target.indicator, u.goal)}</td>
                )}
                {hasGoal && <td className="num">{pctOfGoalText(u.value, u.goal, u.pctOfGoal) ?? '—'}</td>}
                {hasGoal && (
                  <td>
                    <StatusCell row={u} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('missions.total')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {y.value === null ? '—' : formatInteger(y.value)}
                </td>
              ))}
              <td className="num">
                <strong>{countText(t, total.value)}</strong>
              </td>
              {secondIndicator && <td className="num">{money(total.second)}</td>}
              {hasGoal && (
                <td className="num">{total.goal === null ? '—' : goalText(target.indicator, total.goal)}</td>
              )}
              {hasGoal && (
                <td className="num">{pctOfGoalText(total.value, total.goal, total.pctOfGoal) ?? '—'}</td>
              )}
              {hasGoal && (
                <td>
                  <StatusCell row={total} />
                </td>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
