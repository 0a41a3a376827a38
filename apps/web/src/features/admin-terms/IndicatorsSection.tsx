/** The indicators a term measures and its targets, each with its allocation. */
import { quantityText } from '@chitieu/core';
import { useI18n } from '../../i18n.ts';
import type { AdminIndicator } from './api/get-indicators.ts';
import type { AdminTarget } from './api/get-term-setup.ts';
import { FREQUENCY_LABELS, MEASURE_LABELS } from './form.ts';

export function IndicatorsSection({
  indicators,
  editable,
  onOpen,
}: {
  indicators: AdminIndicator[];
  editable: boolean;
  onOpen: (indicator?: AdminIndicator) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="section at-section" aria-labelledby="at-indicators">
      <div className="section__head">
        <h2 className="section__title" id="at-indicators">
          {t('terms.indicators.title', { count: indicators.length })}
        </h2>
        {editable && (
          <button type="button" className="at-button" onClick={() => onOpen()}>
            {t('terms.indicator.create')}
          </button>
        )}
      </div>
      <p className="section__note">{t('terms.indicators.note')}</p>
      {indicators.length === 0 ? (
        <p className="at-note">{t('terms.indicators.empty')}</p>
      ) : (
        <div className="at-table-wrap">
          <table className="data-table at-table">
            <thead>
              <tr>
                <th scope="col">{t('terms.indicator.code')}</th>
                <th scope="col">{t('terms.indicator.name')}</th>
                <th scope="col">{t('terms.indicator.unit')}</th>
                <th scope="col">{t('terms.indicator.measureType')}</th>
                <th scope="col">{t('terms.indicator.frequency')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('terms.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.id} data-indicator={i.code}>
                  <td>{i.code}</td>
                  <th scope="row">{i.name}</th>
                  <td>{i.measurementUnit}</td>
                  <td>
                    {t(MEASURE_LABELS[i.measureType])}
                    {i.decimals > 0 ? ` · ${t('terms.indicator.decimalsShort', { n: i.decimals })}` : ''}
                  </td>
                  <td>{t(FREQUENCY_LABELS[i.frequency])}</td>
                  <td>
                    {editable && (
                      <button type="button" className="link-button" onClick={() => onOpen(i)}>
                        {t('terms.edit')}
                        <span className="visually-hidden"> {i.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function TargetsTable({
  targets,
  indicators,
  onEdit,
  onAllocate,
}: {
  targets: AdminTarget[];
  indicators: AdminIndicator[];
  onEdit: ((target: AdminTarget) => void) | undefined;
  onAllocate: ((target: AdminTarget) => void) | undefined;
}) {
  const { t } = useI18n();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return (
    <div className="at-table-wrap">
      <table className="data-table at-table">
        <thead>
          <tr>
            <th scope="col">{t('terms.target.code')}</th>
            <th scope="col">{t('terms.target.shortName')}</th>
            <th scope="col">{t('terms.target.primary')}</th>
            <th scope="col">{t('terms.target.goal')}</th>
            <th scope="col">{t('terms.target.kind')}</th>
            <th scope="col">{t('terms.allocation.column')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('terms.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => {
            const ind = byId.get(target.primaryIndicatorId);
            return (
              <tr key={target.id} data-target={target.code}>
                <td>{target.code}</td>
                <th scope="row">{target.shortName}</th>
                <td>{ind?.name ?? '—'}</td>
                <td className="at-number-cell">
                  {target.goal === null || !ind ? '—' : quantityText(ind, target.goal)}
                  {target.direction === 'at_most' ? ` (${t('terms.target.atMostShort')})` : ''}
                </td>
                <td>{target.counted ? t('terms.target.counted') : t('terms.target.supplementary')}</td>
                <td
                  className={
                    target.allocation.message ||
                    (target.allocation.count === 0 && target.allocation.formerCount > 0)
                      ? 'at-alloc at-alloc--warn'
                      : 'at-alloc'
                  }
                >
                  {target.allocation.count === 0
                    ? target.allocation.formerCount > 0
                      ? t('terms.allocation.redo', { count: target.allocation.formerCount })
                      : t('terms.allocation.none')
                    : (target.allocation.message ??
                      t('terms.allocation.matchesShort', { count: target.allocation.count }))}
                </td>
                <td className="at-actions">
                  {onEdit && (
                    <button type="button" className="link-button" onClick={() => onEdit(target)}>
                      {t('terms.edit')}
                      <span className="visually-hidden"> {target.code}</span>
                    </button>
                  )}
                  {onAllocate && (
                    <button type="button" className="link-button" onClick={() => onAllocate(target)}>
                      {t('terms.allocate')}
                      <span className="visually-hidden"> {target.code}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
