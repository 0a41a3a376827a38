import { TargetLink } from '../../../components/TargetLink.tsx';
import { useI18n } from '../../../i18n.ts';
import { valueParts } from '../../../lib/figures.ts';
import type { DashboardTarget } from '../api/get-dashboard.ts';

/** Targets that do not count towards "x/y": their value only. */
export function Supplementary({ targets }: { targets: DashboardTarget[] }) {
  const { t } = useI18n();
  if (targets.length === 0) return null;
  return (
    <section className="section" aria-labelledby="supplementary-title">
      <div className="section__head">
        <h2 className="section__title" id="supplementary-title">
          {t('supplementary.title')}
        </h2>
        <p className="section__note">{t('supplementary.note')}</p>
      </div>
      <ul className="supplementary">
        {targets.map((target) => {
          const parts = valueParts(target.indicator, target.figure);
          return (
            <li key={target.id} className="supplementary__item" title={target.wording}>
              <span className="supplementary__value">
                {parts ? (
                  <>
                    <span className="supplementary__number">{parts.value}</span>
                    {parts.unit && <span className="supplementary__unit"> {parts.unit}</span>}
                  </>
                ) : (
                  <span className="supplementary__missing">{t('targets.unreported')}</span>
                )}
              </span>
              <span className="supplementary__name">
                <TargetLink targetId={target.id} className="target-card__link">
                  {target.shortName}
                </TargetLink>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
