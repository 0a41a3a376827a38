import type { ReportState } from '@chitieu/core';
import { useI18n } from '../i18n.ts';
import { REPORT_STATE_STYLES } from '../lib/report-state.ts';

/** "Chờ duyệt", "Bị trả lại"…: the word, a symbol, a colour. */
export function ReportStateBadge({ state, size = 'md' }: { state: ReportState; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  const style = REPORT_STATE_STYLES[state];
  return (
    <span
      className={`report-badge report-badge--${size}`}
      data-state={state}
      style={{ background: style.bg, color: style.fg, borderColor: style.border }}
    >
      <span aria-hidden="true" className="report-badge__symbol">
        {style.symbol}
      </span>
      {t(style.label)}
    </span>
  );
}
