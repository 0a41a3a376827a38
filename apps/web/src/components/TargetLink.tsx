import type { MouseEvent, ReactNode } from 'react';
import { navigate, parseViewState, type ViewState, viewStateSearch } from '../lib/url-state.ts';

/** The target page's view: the current term, unit, date and basis, plus the target. */
export function targetPageState(
  targetId: number,
  from: ViewState = parseViewState(window.location.search),
): ViewState {
  const { term, unit, asOf, basis, sv } = from;
  return { page: 'target', target: targetId, term, unit, asOf, basis, sv };
}

/**
 * A real link to a target's page (middle click opens a tab; a copied link keeps the view); a plain
 * click moves within the app.
 */
export function TargetLink({
  targetId,
  children,
  className,
}: {
  targetId: number;
  children: ReactNode;
  className?: string;
}) {
  const state = targetPageState(targetId);
  return (
    <a
      className={className ?? 'target-link'}
      href={`${window.location.pathname}${viewStateSearch(state, window.location.search)}`}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(targetPageState(targetId));
      }}
    >
      {children}
    </a>
  );
}
