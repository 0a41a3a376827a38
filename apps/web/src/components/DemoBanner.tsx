import { useI18n } from '../i18n.ts';

/** Shown on every page of a demo database: nothing here is real, everything may be tried. */
export function DemoBanner() {
  const { t } = useI18n();
  return (
    <aside className="demo-banner" aria-label={t('demo.label')}>
      <strong className="demo-banner__tag">{t('demo.tag')}</strong>
      <span>{t('demo.body')}</span>
    </aside>
  );
}
