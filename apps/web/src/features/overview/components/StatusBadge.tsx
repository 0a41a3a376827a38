import { useI18n } from '../../../i18n.ts';
import { STATUS_STYLES, type StatusKey } from '../../../lib/status.ts';

/** The status in words, with a symbol and a colour-blind-safe colour (never colour alone). */
export function StatusBadge({ status, size = 'md' }: { status: StatusKey; size?: 'sm' | 'md' }) {
  const { t } = useI18n();
  const style = STATUS_STYLES[status];
  return (
    <span
      className={`status-badge status-badge--${size}`}
      data-status={status}
      style={{ background: style.bg, color: style.fg, border: style.border }}
    >
      <span aria-hidden="true" className="status-badge__symbol">
        {style.symbol}
      </span>
      {t(style.label)}
    </span>
  );
}
