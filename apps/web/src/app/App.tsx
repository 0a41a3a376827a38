import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useMeta } from '../api/get-meta.ts';
import { useTerms } from '../api/get-terms.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { AppNav } from '../components/AppNav.tsx';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { PageBoundary } from '../components/PageBoundary.tsx';
import { ErrorState, PageLoading, RetryButton } from '../components/States.tsx';
import { AccountMenu } from '../features/auth/AccountMenu.tsx';
import { ME_KEY, type Me, SESSION_ENDED_KEY, useMe } from '../features/auth/api/get-me.ts';
import { useInbox } from '../features/inbox/use-inbox.ts';
import { NotificationsLink } from '../features/notifications/NotificationsLink.tsx';
import { Overview } from '../features/overview/Overview.tsx';
import { reportParamsFromSearch } from '../features/report/params.ts';
import { useI18n } from '../i18n.ts';
import { homePage, pagesFor } from '../lib/access.ts';
import { errorMessage } from '../lib/api-client.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { navigate, useViewState } from '../lib/url-state.ts';
import { cssVariablesResolver, theme } from './theme.ts';

// The overview is what most people open: it comes in the first download. The other pages, the
// sign-in and temporary-password pages included, are fetched when opened, so they do not slow it down.
const pageInAddress = new URLSearchParams(window.location.search).get('page');

/**
 * A page's loader; the page named in the address is imported with the app, not after "who am I". The
 * build reads these calls to write each page's HTML, which preloads the page's files (decision 0037).
 */
function early<T>(page: string, load: () => Promise<T>): () => Promise<T> {
  // A failure is not lost: the page's own load, when drawn, meets it and shows it.
  if (page === pageInAddress) load().catch(() => undefined);
  return load;
}

const SignedOut = lazy(() =>
  import('../features/setup/SignedOut.tsx').then((m) => ({ default: m.SignedOut })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/auth/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const EntryPage = lazy(early('entry', () => import('../features/entry/EntryPage.tsx')));
const InboxPage = lazy(early('inbox', () => import('../features/inbox/InboxPage.tsx')));
const CockpitPage = lazy(early('cockpit', () => import('../features/cockpit/CockpitPage.tsx')));
const AuditPage = lazy(early('audit', () => import('../features/audit/AuditPage.tsx')));
const TargetPage = lazy(early('target', () => import('../features/target/TargetPage.tsx')));
const UnitsAdminPage = lazy(early('units', () => import('../features/admin-units/UnitsAdminPage.tsx')));
const UsersAdminPage = lazy(early('users', () => import('../features/admin-users/UsersAdminPage.tsx')));
const TermsAdminPage = lazy(early('terms', () => import('../features/admin-terms/TermsAdminPage.tsx')));
const ReorganisePage = lazy(early('reorganise', () => import('../features/reorganise/ReorganisePage.tsx')));
const LaggingPage = lazy(early('lagging', () => import('../features/lagging/LaggingPage.tsx')));
const MissionsPage = lazy(early('missions', () => import('../features/missions/MissionsPage.tsx')));
const ComparePage = lazy(early('compare', () => import('../features/compare/ComparePage.tsx')));
const NotificationsPage = lazy(
  early('notifications', () => import('../features/notifications/NotificationsPage.tsx')),
);
const ReportPage = lazy(
  early('report', () => import('../features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage }))),
);

/** The frame of every signed-in page: header with the menu, the demo banner, then the page. */
function Shell({ me }: { me: Me }) {
  const { t } = useI18n();
  const [view] = useViewState();
  const meta = useMeta();
  const terms = useTerms();
  const pages = useMemo(() => pagesFor(me.roles), [me.roles]);
  const homeUnitIds = useMemo(() => me.roles.map((role) => role.unitId), [me.roles]);
  // A bare address is a fresh visit (signing in, a bookmark of the site): it opens the user's home
  // page, written into the address. The menu's "Tổng quan" carries the term, so it stays the overview.
  const home = homePage(me.roles);
  const landing = view.page === undefined && window.location.search === '';
  useEffect(() => {
    if (landing && home !== 'overview') navigate({ page: home }, { replace: true });
  }, [landing, home]);
  const page =
    view.page === 'target' && view.target !== undefined
      ? 'target'
      : // Everyone's own notifications: opened from the header, not the menu.
        view.page === 'notifications'
        ? 'notifications'
        : view.page !== undefined && view.page !== 'target' && pages.includes(view.page)
          ? view.page
          : landing
            ? home
            : 'overview';
  const term = terms.data?.find((candidate) => candidate.id === view.term) ?? terms.data?.[0];
  // Approvers see how many reports wait for them in the menu ("Chờ duyệt (2)").
  const inbox = useInbox(me.roles, view.term);
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppHeader
        organisation={meta.data?.organisation}
        termShortName={term?.shortName}
        termName={term?.name}
        account={
          <AccountMenu me={me}>
            <NotificationsLink term={view.term} current={page === 'notifications'} />
          </AccountMenu>
        }
        nav={
          <AppNav
            pages={pages}
            current={page === 'target' ? 'overview' : page}
            term={view.term}
            counts={inbox.cockpit.data ? { inbox: inbox.pending.length } : undefined}
          />
        }
      />
      {meta.data?.demo && <DemoBanner />}
      <PageBoundary key={page}>
        {page === 'overview' ? (
          <Overview homeUnitIds={homeUnitIds} />
        ) : (
          <Suspense
            fallback={
              <main id="main" className="main">
                <PageLoading />
              </main>
            }
          >
            {page === 'inbox' && <InboxPage me={me} />}
            {page === 'notifications' && <NotificationsPage />}
            {page === 'entry' && <EntryPage me={me} />}
            {page === 'cockpit' && <CockpitPage me={me} />}
            {page === 'audit' && <AuditPage me={me} />}
            {page === 'target' && <TargetPage homeUnitIds={homeUnitIds} />}
            {page === 'units' && <UnitsAdminPage />}
            {page === 'users' && <UsersAdminPage />}
            {page === 'terms' && <TermsAdminPage />}
            {page === 'reorganise' && <ReorganisePage />}
            {page === 'lagging' && <LaggingPage homeUnitIds={homeUnitIds} />}
            {page === 'missions' && <MissionsPage homeUnitIds={homeUnitIds} />}
            {page === 'compare' && <ComparePage homeUnitIds={homeUnitIds} />}
            {page === 'report' && term && (
              <ReportPage
                params={
                  reportParamsFromSearch(window.location.search) ?? { termId: term.id, kind: 'mid_term' }
                }
                onBack={() => navigate({ term: view.term })}
              />
            )}
          </Suspense>
        )}
      </PageBoundary>
    </div>
  );
}

function BootMessage() {
  const { t } = useI18n();
  return (
    <p className="boot-message" role="status">
      {t('state.loading')}
    </p>
  );
}

/** Signed in: the pages; otherwise the sign-in page (also when a session ends mid-way). */
function Gate() {
  const me = useMe();
  // The pages are first drawn from a deferred copy of the answer: React draws them in slices that
  // leave a slow phone responsive, rather than in one long task when the answer arrives.
  const shownMe = useDeferredValue(me.data);
  // The organisation's name and the demo banner sit above the page: asked beside "who am I" and
  // waited for, so the frame is drawn once at its height rather than pushed down when they arrive.
  const meta = useMeta();
  if (me.isPending || shownMe === undefined || meta.isPending) return <BootMessage />;
  if (me.isError) {
    return (
      <main className="main main--narrow">
        <ErrorState message={errorMessage(me.error)} actions={<RetryButton onClick={() => me.refetch()} />} />
      </main>
    );
  }
  if (me.data === null || me.data.mustChangePassword) {
    return (
      <Suspense fallback={<BootMessage />}>
        {me.data === null ? <SignedOut /> : <ChangePasswordPage me={me.data} />}
      </Suspense>
    );
  }
  return <Shell me={shownMe ?? me.data} />;
}

export function App() {
  const [queryClient] = useState(() =>
    createQueryClient((client) => {
      if (client.getQueryData(ME_KEY)) client.setQueryData(SESSION_ENDED_KEY, true);
      client.setQueryData(ME_KEY, null);
    }),
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {/* Whatever the pages' own boundaries do not catch (the sign-in page, the frame). */}
        <PageBoundary>
          <Gate />
        </PageBoundary>
      </QueryClientProvider>
    </MantineProvider>
  );
}
