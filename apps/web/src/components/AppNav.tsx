import { type MouseEvent, useEffect, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../i18n.ts';
import { navigate, type Page, type ViewState, viewStateSearch } from '../lib/url-state.ts';

const LABELS: Record<Page, MessageKey> = {
  overview: 'nav.overview',
  inbox: 'nav.inbox',
  entry: 'nav.entry',
  cockpit: 'nav.cockpit',
  audit: 'nav.audit',
  report: 'nav.report',
  terms: 'nav.terms',
  units: 'nav.units',
  users: 'nav.users',
  reorganise: 'nav.reorganise',
  lagging: 'nav.lagging',
  missions: 'nav.missions',
  compare: 'nav.compare',
  notifications: 'nav.notifications',
};

/** Setting-up pages: after the everyday ones, under their own label. */
const SETUP: ReadonlySet<Page> = new Set(['terms', 'units', 'users', 'reorganise']);

/**
 * The pages the user's roles open: the everyday ones, then the setting-up ones under "Thiết lập".
 * Real links (a page opens in a new tab with a middle click); a plain click moves within the app
 * and keeps the term.
 */
export function AppNav({
  pages,
  current,
  term,
  counts = {},
}: {
  pages: Page[];
  current: Page;
  term: number | undefined;
  /** A number to show beside a page's name: "Chờ duyệt (2)". */
  counts?: Partial<Record<Page, number>>;
}) {
  const { t } = useI18n();
  const link = (page: Page) => {
    const state: ViewState = { page: page === 'overview' ? undefined : page, term };
    const href = `${window.location.pathname}${viewStateSearch(state)}` || '/';
    return (
      <li key={page}>
        <a
          className="app-nav__link"
          href={href}
          aria-current={page === current ? 'page' : undefined}
          onClick={(event: MouseEvent<HTMLAnchorElement>) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
              return;
            event.preventDefault();
            navigate(state);
          }}
        >
          {t(LABELS[page])}
          {counts[page] !== undefined && ` (${counts[page]})`}
        </a>
      </li>
    );
  };
  const setup = pages.filter((page) => SETUP.has(page));
  const more = useMoreToTheRight<HTMLElement>();
  return (
    <nav
      ref={more.ref}
      className={more.hidden ? 'app-nav app-nav--more' : 'app-nav'}
      aria-label={t('nav.label')}
    >
      <ul className="app-nav__list">{pages.filter((page) => !SETUP.has(page)).map(link)}</ul>
      {setup.length > 0 && (
        <div className="app-nav__setup">
          <span className="app-nav__group" id="app-nav-setup">
            {t('nav.setup')}
          </span>
          <ul className="app-nav__list" aria-labelledby="app-nav-setup">
            {setup.map(link)}
          </ul>
        </div>
      )}
    </nav>
  );
}

/**
 * Whether a sideways-scrolling element hides content to its right (the menu on a phone), so the
 * menu can show that it goes on: its right edge fades out until it is scrolled to the end.
 */
function useMoreToTheRight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setHidden(element.scrollLeft + element.clientWidth < element.scrollWidth - 1);
    // No check now: reading sizes during the commit forces a layout of the whole page; the observer
    // reports the first size right after the browser's own layout.
    element.addEventListener('scroll', check, { passive: true });
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', check);
      observer.disconnect();
    };
  }, []);
  return { ref, hidden };
}
