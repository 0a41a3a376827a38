import { useTerms } from '../../api/get-terms.ts';
import { approverRoot, type RoleLike } from '../../lib/access.ts';
import { useCockpit } from '../cockpit/api/get-cockpit.ts';
import { pendingReports } from './pending.ts';

/**
 * The reports waiting for this approver, from the reporting status of the subtree they approve for
 * (the current term). The same query as the cockpit's, so a decision updates both. Reports are sent
 * from other browsers: the inbox page asks afresh when it opens (`fresh`).
 */
export function useInbox(roles: readonly RoleLike[], termId: number | undefined, { fresh = false } = {}) {
  const terms = useTerms();
  const term = termId ?? terms.data?.[0]?.id;
  const root = approverRoot(roles);
  const cockpit = useCockpit(
    term !== undefined && root !== undefined ? { termId: term, unitId: root } : undefined,
    { fresh },
  );
  return { cockpit, termId: term, pending: pendingReports(cockpit.data) };
}
