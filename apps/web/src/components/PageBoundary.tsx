import { Button } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n.ts';
import { claimReload, isChunkLoadError, serverAnswers } from '../lib/chunk-errors.ts';
import { ErrorState } from './States.tsx';

type Trouble = 'checking' | 'offline' | 'updated' | 'crashed';

/** How often a page that lost the server asks whether it is back. */
const RECHECK_MS = 3000;

const reload = () => window.location.reload();

/**
 * Around every page, so a page that cannot be fetched or fails while drawing never leaves a blank
 * screen: it says what happened (in the user's language) and offers "Tải lại". A page whose code
 * could not be fetched reloads by itself — once after a new build, or as soon as a stopped server
 * answers again (lib/chunk-errors.ts). Give it a `key` per page, so moving to another page starts afresh.
 */
export class PageBoundary extends Component<
  { children: ReactNode },
  { error: Error | null; trouble: Trouble }
> {
  override state: { error: Error | null; trouble: Trouble } = { error: null, trouble: 'checking' };
  private recheck: number | undefined;
  private unmounted = false;

  static getDerivedStateFromError(error: unknown) {
    const asError = error instanceof Error ? error : new Error(String(error));
    return { error: asError, trouble: isChunkLoadError(error) ? 'checking' : 'crashed' };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    if (!isChunkLoadError(error)) {
      console.error(error, info.componentStack);
      return;
    }
    void this.diagnose();
  }

  override componentWillUnmount() {
    this.unmounted = true;
    window.clearTimeout(this.recheck);
  }

  /** Server up: the chunk is gone (a new build), reload once. Server down: wait for it, then reload. */
  private async diagnose() {
    const answers = await serverAnswers();
    if (this.unmounted) return;
    if (answers) {
      if (this.state.trouble === 'offline' || claimReload(window.sessionStorage, Date.now())) reload();
      else this.setState({ trouble: 'updated' });
      return;
    }
    this.setState({ trouble: 'offline' });
    this.recheck = window.setTimeout(() => void this.diagnose(), RECHECK_MS);
  }

  override render() {
    const { error, trouble } = this.state;
    if (!error) return this.props.children;
    return <PageTrouble trouble={trouble} error={error} />;
  }
}

/** What stands in for a page that failed: the trouble in words, "Tải lại", and a crash's message. */
export function PageTrouble({ trouble, error }: { trouble: Trouble; error: Error }) {
  const { t } = useI18n();
  return (
    <main id="main" className="main main--narrow">
      <ErrorState
        title={t('boundary.title')}
        message={t(`boundary.${trouble}`)}
        actions={
          <Button size="xs" variant="filled" color="red" onClick={reload}>
            {t('boundary.reload')}
          </Button>
        }
      >
        {trouble === 'crashed' && (
          <details className="error-state__details">
            <summary>{t('boundary.details')}</summary>
            <code>{error.message}</code>
          </details>
        )}
      </ErrorState>
    </main>
  );
}
