/**
 * Reorganisation (issue #6 item 5; docs/decisions/0009-reorganisation.md): apply a merge map on an
 * effective date. Planning decides everything (what closes, opens, who succeeds whom, the new
 * placements, re-based allocations, moved role scopes) without writing, in pure phases
 * (docs/decisions/0031); preview returns the plan and apply writes it in one transaction.
 *
 * This module is the one door the rest of the code uses.
 */
import type { Actor } from './access.ts';
import type { DbOrTx } from './client.ts';
import { planReorganisation } from './reorganise-plan.ts';
import type { ReorganisationPlan, ReorganiseInput } from './reorganise-types.ts';

export { applyReorganisation } from './reorganise-apply.ts';
export { authorizeReorganisation } from './reorganise-plan.ts';
export type { ReorganisationPlan, ReorganisationResult, ReorganiseInput } from './reorganise-types.ts';

/** What applying the map would do; nothing is written. */
export function previewReorganisation(
  db: DbOrTx,
  actor: Actor | 'system',
  input: ReorganiseInput,
): ReorganisationPlan {
  return planReorganisation(db, actor, input).plan;
}
