/**
 * Two views side by side: column A (unit, as-of date) and column B, target by target — both values,
 * % of the goal, status in words, and B − A. `?page=compare&unit&asOf&unit2&asOf2`. Opened without a
 * second column it compares the mid-term with the newest data (or, when that is the mid-term, a year
 * before with it); with only a first date, that date with a year later.
 */
import { formatDate, isIsoDate } from '@chitieu/core';
import { Skeleton } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useUnits } from '../../api/get-units.ts';
import { ScopeError, useLeaderScope } from '../../components/LeaderScope.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n.ts';
import { pctOfGoalText, valueText } from '../../lib/figures.ts';
import { statusKey } from '../../lib/status.ts';
import { usePickableUnits } from '../../lib/units.ts';
import { AsOfForm } from '../overview/components/AsOfForm.tsx';
import { StatusBadge } from '../overview/components/StatusBadge.tsx';
import { type Compare, type CompareRow, useCompare } from './api/get-compare.ts';
import { differenceText, yearLater } from './difference.ts';
import './compare.css';

export default function ComparePage({ homeUnitIds }: { homeUnitIds: readonly number[] }) {
  const { t } = useI18n();
  const { view, setView, scope } = useLeaderScope();
  const query = useCompare(scope ? { ...scope, unitId2: view.unit2, asOf2: view.asOf2 } : undefined);
  const data = query.data;
  const fresh = data !== undefined && !query.isPlaceholderData;

  // Nothing chosen for column B yet: opened bare, the API proposed the mid-term against the newest
  // data; with a first date chosen, the same unit a year later. Written into the address (same view).
  useEffect(() => {
    if (!fresh || !data || view.unit2 !== undefined || view.asOf2 !== undefined) return;
    const { asOf, term } = data.a.scope;
    const later = view.asOf === undefined ? data.b.scope.asOf : yearLater(asOf, term.endDate);
    if (later !== asOf) setView({ asOf, asOf2: later }, { replace: true });
  }, [fresh, data, view.asOf, view.unit2, view.asOf2, setView]);

  useEffect(() => {
    document.title = `${t('compare.title')} · ${t('app.title')}`;
  }, [t]);

  const version = data?.a.scope.structureVersionId ?? view.sv;
  const units = useUnits(version, version !== undefined || query.isError);
  const { pickable } = usePickableUnits(units.data?.units, homeUnitIds, [
    data?.a.scope.unit.id,
    data?.b.scope.unit.id,
  ]);
  const term = data?.a.scope.term;
  const termRange = term ? { start: term.startDate, end: term.endDate } : undefined;

  const side = (which: 'a' | 'b') => {
    const s = data?.[which].scope;
    const unitId = which === 'a' ? (view.unit ?? s?.unit.id) : (view.unit2 ?? s?.unit.id);
    const asOf = which === 'a' ? (view.asOf ?? s?.asOf) : (view.asOf2 ?? s?.asOf);
    return (
      <fieldset className="compare-side">
        <legend>{t(which === 'a' ? 'compare.sideA' : 'compare.sideB')}</legend>
        <UnitPicker
          units={pickable}
          value={unitId}
          loading={units.isPending}
          onChange={(id) => id !== undefined && setView(which === 'a' ? { unit: id } : { unit2: id })}
        />
        <AsOfForm
          asOf={asOf}
          termRange={termRange}
          onChange={(iso) => setView(which === 'a' ? { asOf: iso } : { asOf2: iso })}
        />
      </fieldset>
    );
  };

  let body: ReactNode;
  if (query.error && !data) {
    body = <ScopeError error={query.error} onRetry={() => query.refetch()} />;
  } else if (!data) {
    body = <Skeleton height={420} radius="sm" aria-label={t('state.loading')} />;
  } else {
    body = (
      <>
        {query.error && <ScopeError error={query.error} onRetry={() => query.refetch()} />}
        <CompareTable data={data} />
      </>
    );
  }

  return (
    <main id="main" className="main leaders-page">
      <div className="page-head leaders-head">
        <div>
          <h1 className="page-head__title">{t('compare.title')}</h1>
          <p className="page-head__lead">{t('compare.lead')}</p>
        </div>
        <PrintButton />
      </div>
      <div className="compare-controls no-print">
        {side('a')}
        {side('b')}
      </div>
      <div className={query.isPlaceholderData ? 'is-updating' : undefined} aria-busy={query.isFetching}>
        {body}
      </div>
    </main>
  );
}

function columnTitle(scope: Compare['a']['scope']) {
  return { unit: scope.unit.name, date: isIsoDate(scope.asOf) ? formatDate(scope.asOf) : scope.asOf };
}

function CompareTable({ data }: { data: Compare }) {
  const { t } = useI18n();
  const counted = data.rows.filter((r) => r.counted);
  const supplementary = data.rows.filter((r) => !r.counted);
  const a = columnTitle(data.a.scope);
  const b = columnTitle(data.b.scope);
  return (
    <div className="table-scroll">
      {/* The column headers in a line each, for the phone layout where the table head is hidden. */}
      <ul className="compare-legend" aria-hidden="true">
        <li>
          <span className="compare-table__tag">A</span> {t('compare.column', a)} ·{' '}
          {t('compare.headline', data.a.headline)}
        </li>
        <li>
          <span className="compare-table__tag">B</span> {t('compare.column', b)} ·{' '}
          {t('compare.headline', data.b.headline)}
        </li>
      </ul>
      <table className="data-table compare-table">
        <caption className="visually-hidden">{t('compare.title')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('compare.target')}
            </th>
            <th scope="colgroup" colSpan={3} className="compare-table__side">
              <span className="compare-table__tag">A</span> {t('compare.column', a)}
              <br />
              <small>{t('compare.headline', data.a.headline)}</small>
            </th>
            <th scope="colgroup" colSpan={3} className="compare-table__side">
              <span className="compare-table__tag">B</span> {t('compare.column', b)}
              <br />
              <small>{t('compare.headline', data.b.headline)}</small>
            </th>
            <th scope="col" rowSpan={2} className="num">
              {t('compare.difference')}
            </th>
          </tr>
          <tr>
            {['a', 'b'].map((key) => (
              <SideHeads key={key} />
            ))}
          </tr>
        </thead>
        <tbody>
          {counted.map((row) => (
            <Row key={row.id} row={row} />
          ))}
        </tbody>
        {supplementary.length > 0 && (
          <tbody>
            <tr className="compare-table__group">
              <th scope="colgroup" colSpan={8}>
                {t('compare.supplementary')}
              </th>
            </tr>
            {supplementary.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function SideHeads() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col" className="num">
        {t('compare.value')}
      </th>
      <th scope="col" className="num">
        {t('compare.pct')}
      </th>
      <th scope="col">{t('compare.status')}</th>
    </>
  );
}

function Row({ row }: { row: CompareRow }) {
  const { t } = useI18n();
  const diff = row.difference === null ? null : differenceText(row.indicator, row.difference);
  return (
    <tr data-code={row.code}>
      <th scope="row">
        <span className="compare-table__code">{row.code}</span> {row.shortName}
      </th>
      <SideCells row={row} side="a" />
      <SideCells row={row} side="b" />
      <td className="num compare-table__diff" data-label={t('compare.difference')}>
        {diff === null
          ? t('compare.noFigure')
          : diff.points
            ? t('compare.pp', { value: diff.text })
            : diff.text}
      </td>
    </tr>
  );
}

function SideCells({ row, side }: { row: CompareRow; side: 'a' | 'b' }) {
  const { t } = useI18n();
  const s = row[side];
  const figure = { ...s, numerator: 0, denominator: 0 };
  const text = valueText(row.indicator, figure);
  return (
    <>
      <td className="num compare-table__value" data-side={side} data-tag={side.toUpperCase()}>
        {text ?? t('status.unreported')}
      </td>
      <td className="num">{s.goal === null ? '—' : (pctOfGoalText(s.value, s.goal, s.pctOfGoal) ?? '—')}</td>
      <td>{s.goal === null ? '—' : <StatusBadge status={statusKey(s.status, s, s.goal)} size="sm" />}</td>
    </>
  );
}
