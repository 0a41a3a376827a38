import type { MouseEvent, ReactNode } from 'react';
import { navigate, type ViewState, viewStateSearch } from '../lib/url-state.ts';

/**
 * A real link to a view of the app (middle click opens a tab; a copied link keeps the view); a
 * plain click moves within the app.
 */
export function ViewLink({
  to,
  children,
  className,
  current,
}: {
  to: ViewState;
  children: ReactNode;
  className?: string;
  /** The view shown now (aria-current). */
  current?: boolean;
}) {
  return (
    <a
      className={className}
      aria-current={current ? 'page' : undefined}
      href={`${window.location.pathname}${viewStateSearch(to, window.location.search)}`}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
