/**
 * What a figure stands on, beside it: the newest period with data ("số liệu mới nhất") and, while
 * units are still reporting the period the figure stands at, how many have (DHIS2's reporting rate).
 * The rules are the API's (docs/decisions/0017); this only says them.
 */
import { usePeriods } from '../api/get-periods.ts';
import { useI18n } from '../i18n.ts';
import { periodShortName } from '../lib/periods.ts';

export interface FigureDating {
  latestPeriodId: number | null;
  coverage: { periodId: number; reported: number; expected: number } | null;
}

const sameCoverage = (a: FigureDating['coverage'], b: FigureDating['coverage'] | undefined) =>
  a !== null &&
  b != null &&
  a.periodId === b.periodId &&
  a.reported === b.reported &&
  a.expected === b.expected;

/**
 * The line under a figure; `always` also shows a complete period (the headline's line). A card
 * under the headline passes the headline's dating as `besides` and says only what differs.
 */
export function FigureDate({
  termId,
  figure,
  always = false,
  besides,
  className = 'figure-date',
}: {
  termId: number;
  figure: FigureDating;
  always?: boolean;
  besides?: FigureDating;
  className?: string;
}) {
  const { t } = useI18n();
  const periods = usePeriods(termId).data ?? [];
  const name = (id: number | null | undefined) => {
    const period = periods.find((p) => p.id === id);
    return period ? periodShortName(period) : null;
  };
  const { coverage } = figure;
  const latest = name(figure.latestPeriodId);
  const standsAt = name(coverage?.periodId);
  const partial = coverage !== null && coverage.expected > 0 && coverage.reported < coverage.expected;
  const parts: string[] = [];
  if (coverage && standsAt && coverage.expected > 0 && (partial || always)) {
    if (!sameCoverage(coverage, besides?.coverage)) {
      parts.push(
        t('figure.coverage', { reported: coverage.reported, expected: coverage.expected, period: standsAt }),
      );
    }
  }
  const latestShown = besides === undefined || besides.latestPeriodId !== figure.latestPeriodId;
  if (latest && (always || latest !== standsAt) && latestShown) {
    parts.push(t('figure.latest', { period: latest }));
  }
  if (parts.length === 0) return null;
  return (
    <p className={className} data-partial={partial || undefined}>
      {parts.join(' · ')}
    </p>
  );
}
