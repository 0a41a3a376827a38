import { formatDate, TARGET_STATUSES } from '@chitieu/core';
import { Loader } from '@mantine/core';
import { FigureDate } from '../../../components/FigureDate.tsx';
import { useI18n } from '../../../i18n.ts';
import { STATUS_STYLES, type StatusKey, statusKey } from '../../../lib/status.ts';
import { downloadUrl } from '../../report/api.ts';
import { reportSearch } from '../../report/params.ts';
import type { Dashboard } from '../api/get-dashboard.ts';
import { Ring } from './Ring.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const ORDER: StatusKey[] = [...TARGET_STATUSES, 'unreported', 'noCases', 'noGoal'];

/**
 * "Hoàn thành 7/8 chỉ tiêu", big, with how many targets are in each status. Like the API's count,
 * only targets this unit has a goal for (its own or one allocated to it) are counted.
 */
export function Headline({ dashboard, updating }: { dashboard: Dashboard; updating: boolean }) {
  const { t } = useI18n();
  const { headline, scope } = dashboard;
  const counted = dashboard.targets.filter((target) => target.counted && target.goalKind !== 'none');
  const counts = new Map<StatusKey, number>();
  for (const target of counted) {
    const key = statusKey(target.status, target.figure, target.goal);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const present = ORDER.filter((key) => (counts.get(key) ?? 0) > 0);
  // The report carries the same scope as this view, so its figures are these figures.
  const reportParams = {
    termId: scope.term.id,
    kind: 'mid_term' as const,
    unitId: scope.unit.id,
    asOf: scope.asOf,
    basis: scope.basis,
    structureVersionId: scope.structureVersionId,
  };
  return (
    <section className="headline" aria-labelledby="headline-title">
      <Ring
        label={`${headline.done}/${headline.counted}`}
        slices={present.flatMap((key) =>
          Array.from({ length: counts.get(key) ?? 0 }, () => STATUS_STYLES[key].fill),
        )}
      />
      <div className="headline__text">
        <h2 className="headline__title" id="headline-title">
          {headline.counted > 0
            ? t('headline.done', { done: headline.done, counted: headline.counted })
            : t('headline.none')}
        </h2>
        {headline.noCases > 0 && (
          <p className="headline__no-cases">{t('headline.noCases', { count: headline.noCases })}</p>
        )}
        <p className="headline__context">
          {t('headline.context', { unit: scope.unit.name, date: formatDate(scope.asOf) })}
          {updating && (
            <span className="headline__updating" role="status">
              <Loader size={14} type="oval" aria-hidden="true" /> {t('headline.updating')}
            </span>
          )}
        </p>
        <FigureDate termId={scope.term.id} figure={dashboard.dating} always className="headline__dating" />
        <p className="headline__report">
          <a
            href={reportSearch(reportParams)}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              window.history.pushState(null, '', event.currentTarget.href);
              window.dispatchEvent(new PopStateEvent('popstate'));
            }}
          >
            {t('headline.report')} →
          </a>
          {' · '}
          <a href={downloadUrl(reportParams, 'docx')} download>
            {t('headline.exportDocx')}
          </a>
          {' · '}
          <a href={downloadUrl(reportParams, 'xlsx')} download>
            XLSX
          </a>
        </p>
        {present.length > 0 && (
          <ul className="headline__counts" aria-label={t('headline.byStatus')}>
            {present.map((key) => (
              <li key={key}>
                <StatusBadge status={key} />
                <span className="headline__count">{counts.get(key)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
