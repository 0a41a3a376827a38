import { useI18n } from '../../../i18n.ts';

/** Shown whenever the figures below are partly invented (scope.illustrative). */
export function IllustrativeNotice() {
  const { t } = useI18n();
  return (
    <aside className="notice" aria-labelledby="illustrative-title">
      <span className="notice__icon" aria-hidden="true">
        i
      </span>
      <p>
        <strong id="illustrative-title">{t('illustrative.title')}</strong>
        <span className="notice__sep" aria-hidden="true">
          {' · '}
        </span>
        <span>{t('illustrative.body')}</span>
      </p>
    </aside>
  );
}
