import type { ReactNode } from 'react';
import { LANGS, useI18n } from '../i18n.ts';
import { Segmented } from './Segmented.tsx';

/** Organisation, product and term; who is signed in; the language switch; the pages. */
export function AppHeader({
  organisation,
  termShortName,
  termName,
  account,
  nav,
}: {
  organisation: string | null | undefined;
  termShortName?: string | undefined;
  termName?: string | undefined;
  /** The signed-in user and a way out (absent on the sign-in page). */
  account?: ReactNode;
  /** The menu of pages (absent on the sign-in page). */
  nav?: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <p className="app-header__org">{organisation ?? '\u00a0'}</p>
          <h1 className="app-header__title">
            {t('app.product')}
            {termShortName && (
              <span className="app-header__term" title={termName}>
                {termShortName}
              </span>
            )}
          </h1>
        </div>
        <div className="app-header__tools">
          {account}
          <Segmented
            size="xs"
            aria-label={t('lang.label')}
            value={lang}
            onChange={setLang}
            data={LANGS.map((value) => ({ value, label: value.toUpperCase() }))}
            className="lang-switch"
          />
        </div>
      </div>
      {nav}
    </header>
  );
}
