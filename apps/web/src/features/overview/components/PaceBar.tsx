import { useI18n } from '../../../i18n.ts';
import { shareText } from '../../../lib/figures.ts';
import { STATUS_STYLES, type StatusKey } from '../../../lib/status.ts';

/**
 * Progress towards the goal (filled, capped at the end) with a mark where the target should be by
 * the as-of date (expectedShare).
 */
export function PaceBar({
  progress,
  expectedShare,
  status,
}: {
  progress: number | null;
  expectedShare: number;
  status: StatusKey;
}) {
  const { t } = useI18n();
  const filled = progress === null ? 0 : Math.min(1, Math.max(0, progress));
  const expected = Math.min(1, Math.max(0, expectedShare));
  const label = t('targets.progressLabel', {
    progress: progress === null ? t('status.unreported') : shareText(progress),
    expected: shareText(expectedShare),
  });
  return (
    <div className="pace" role="img" aria-label={label} title={label}>
      <div className="pace__track">
        <div
          className="pace__fill"
          style={{ width: `${filled * 100}%`, background: STATUS_STYLES[status].background }}
        />
      </div>
      <div className="pace__marker" style={{ left: `${expected * 100}%` }} />
    </div>
  );
}
