import { FigureDate, type FigureDating } from '../../../components/FigureDate.tsx';
import { TargetLink } from '../../../components/TargetLink.tsx';
import { useI18n } from '../../../i18n.ts';
import { goalText, pctOfGoalText, relatedText, valueParts } from '../../../lib/figures.ts';
import { STATUS_STYLES, statusKey } from '../../../lib/status.ts';
import type { DashboardTarget } from '../api/get-dashboard.ts';
import type { TrendPoint } from '../api/get-trends.ts';
import { PaceBar } from './PaceBar.tsx';
import { Sparkline, trendValueText } from './Sparkline.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * One counted target: value, the goal this unit is judged against (the resolution's own at the unit
 * that adopted it, else what was allocated to it), % of that goal, pace and status in words; full
 * wording on expand. Where nothing was allocated there is no status, only the figure.
 */
export function TargetCard({
  termId,
  dating,
  target,
  trend,
}: {
  termId: number;
  /** The headline's dating: a card says only where it differs. */
  dating: FigureDating;
  target: DashboardTarget;
  trend?: TrendPoint[] | undefined;
}) {
  const { t } = useI18n();
  const { figure, indicator, goal, goalKind } = target;
  const noGoal = goalKind === 'none' || goal === null;
  const key = statusKey(target.status, figure, goal);
  const parts = valueParts(indicator, figure);
  const pct = noGoal ? null : pctOfGoalText(figure.value, goal, target.pctOfGoal);
  const related = target.relatedFigures
    .map((r) => relatedText(r.indicator, r.figure))
    .filter((text): text is string => text !== null);
  const titleId = `target-${target.id}-title`;
  return (
    <article
      className="target-card"
      aria-labelledby={titleId}
      data-code={target.code}
      data-goal-kind={goalKind}
      style={noGoal ? undefined : { borderTopColor: STATUS_STYLES[key].fill }}
    >
      <div className="target-card__top">
        <span className="target-card__code">{target.code}</span>
        {!noGoal && <StatusBadge status={key} size="sm" />}
      </div>
      <h3 className="target-card__title" id={titleId} title={target.wording}>
        <TargetLink targetId={target.id} className="target-card__link">
          {target.shortName}
        </TargetLink>
      </h3>
      <p className="target-card__value">
        {parts ? (
          <>
            <span className="target-card__number">{parts.value}</span>
            {parts.unit && <span className="target-card__unit"> {parts.unit}</span>}
          </>
        ) : (
          <span className="target-card__missing">{t('targets.unreported')}</span>
        )}
        {trend && <Sparkline points={trend} format={(value) => trendValueText(indicator, value)} />}
      </p>
      <FigureDate termId={termId} figure={figure} besides={dating} className="target-card__dating" />
      {related.length > 0 && (
        <p className="target-card__related">
          {related.map((text) => (
            <span key={text}>— {text}</span>
          ))}
        </p>
      )}
      {!noGoal && <PaceBar progress={target.progress} expectedShare={target.expectedShare} status={key} />}
      <div className="target-card__facts">
        {noGoal ? (
          <span className="target-card__no-goal">{t('targets.noGoal')}</span>
        ) : (
          <span>
            {t(goalKind === 'allocation' ? 'targets.goalAllocated' : 'targets.goal', {
              goal: goalText(indicator, goal),
            })}
          </span>
        )}
        {!noGoal && pct !== null && (
          <span className="target-card__pct">
            {t(goalKind === 'allocation' ? 'targets.pctOfAllocation' : 'targets.pctOfGoal', { pct })}
          </span>
        )}
      </div>
      <details className="target-card__details">
        <summary>{t('targets.wording')}</summary>
        <p>{target.wording}</p>
        {goalKind !== 'term' && target.termGoal !== null && (
          <p className="target-card__milestone">
            {t('targets.termGoal', { goal: goalText(indicator, target.termGoal) })}
          </p>
        )}
        {goalKind === 'term' && target.midTermMilestone !== null && (
          <p className="target-card__milestone">
            {t('targets.milestone', { value: goalText(indicator, target.midTermMilestone) })}
          </p>
        )}
      </details>
    </article>
  );
}
