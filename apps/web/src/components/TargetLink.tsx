import type { ReactNode } from 'react';
import { parseViewState, type ViewState } from '../lib/url-state.ts';
import { ViewLink } from './ViewLink.tsx';

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
  return (
    <ViewLink to={targetPageState(targetId)} className={className ?? 'target-link'}>
      {children}
    </ViewLink>
  );
}
