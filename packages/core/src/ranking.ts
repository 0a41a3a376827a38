import { compareVietnamese } from './names.ts';
/**
 * Lagging units (issue #4 item 4): which child units hold the targets back, worst first — the list a
 * leader uses to decide whom to call. The rule lives here once; the API ranks with it and the web
 * only shows the order it gets.
 *
 * Score of a unit = the mean, over the targets it has a goal for, of its pace on each target
 * (progress / expected share by the as-of date, as in status.ts), each capped at 1: being ahead on
 * one target must not hide being behind on another. A target the unit has not reported counts as
 * pace 0 in the score (an unsent report is exactly what the leader should chase) but is shown as
 * "chưa báo cáo", never as 0. A unit that reported nothing at all has no score: it is flagged and
 * listed first. Among equal scores (say, every unit on pace everywhere) the one less far ahead comes
 * first (mean uncapped pace), then by name in Vietnamese collation.
 */
import { isDone, PACE_ON_TRACK, type TargetStatus } from './status.ts';

/** One target as judged for one unit (from targetStatus). */
export interface JudgedTarget {
  targetId: number;
  status: TargetStatus | null;
  /** Null when the unit has no goal for the target or reported nothing. */
  progress: number | null;
  expectedShare: number;
  /** Whether the unit has a goal for this target (its allocation, or the same goal for shares). */
  hasGoal: boolean;
  /** Whether the unit (its subtree) reported anything for the target's indicator. */
  reported: boolean;
}

export interface RankInput {
  unitId: number;
  name: string;
  targets: JudgedTarget[];
}

export interface RankedUnit {
  unitId: number;
  name: string;
  /** 1 = the unit to call first. */
  rank: number;
  /** Mean capped pace 0..1; null when the unit reported nothing (or has no goal at all). */
  score: number | null;
  /** Reported nothing for any target it has a goal for. */
  unreported: boolean;
  /** Targets with a goal judged for the unit. */
  judged: number;
  /** Targets it is behind on: at risk, behind, or not reported — worst pace first. */
  behindOn: { targetId: number; reason: 'behind' | 'at_risk' | 'unreported' }[];
}

/** Pace on one target, 0..1 (capped); 0 when not reported, 1 when nothing is expected yet. */
export function cappedPace(target: JudgedTarget): number {
  if (!target.reported || target.progress === null) return 0;
  if (isDone(target.status)) return 1;
  if (target.expectedShare <= 0) return 1;
  return Math.max(0, Math.min(1, target.progress / target.expectedShare));
}

/** The score of one unit (see the module comment); null when it reported nothing it has a goal for. */
export function unitScore(targets: JudgedTarget[]): number | null {
  const judged = targets.filter((t) => t.hasGoal);
  if (judged.length === 0 || !judged.some((t) => t.reported)) return null;
  return judged.reduce((sum, t) => sum + cappedPace(t), 0) / judged.length;
}

/** Whether a target belongs on the unit's "behind on" list, and why. */
export function behindReason(target: JudgedTarget): 'behind' | 'at_risk' | 'unreported' | null {
  if (!target.hasGoal) return null;
  if (!target.reported) return 'unreported';
  if (target.status === 'behind' || target.status === 'at_risk') return target.status;
  return null;
}

const byName = (a: { name: string }, b: { name: string }) => compareVietnamese(a.name, b.name);

/** Mean pace without the cap (ahead counts), only to order units whose capped scores are equal. */
function uncappedMean(targets: JudgedTarget[]): number {
  const judged = targets.filter((t) => t.hasGoal);
  if (judged.length === 0) return 0;
  const pace = (t: JudgedTarget) =>
    !t.reported || t.progress === null
      ? 0
      : t.expectedShare <= 0
        ? 1
        : Math.max(0, t.progress / t.expectedShare);
  return judged.reduce((sum, t) => sum + pace(t), 0) / judged.length;
}

/** Rank units worst first: unreported units, then by score ascending, ties by name. */
export function rankUnits(units: RankInput[]): RankedUnit[] {
  const scored = units.map((unit) => {
    const judged = unit.targets.filter((t) => t.hasGoal);
    const score = unitScore(unit.targets);
    const behindOn = judged
      .map((t) => ({ t, reason: behindReason(t) }))
      .filter((x): x is { t: JudgedTarget; reason: 'behind' | 'at_risk' | 'unreported' } => x.reason !== null)
      .sort((a, b) => cappedPace(a.t) - cappedPace(b.t) || a.t.targetId - b.t.targetId)
      .map(({ t, reason }) => ({ targetId: t.targetId, reason }));
    return {
      unitId: unit.unitId,
      name: unit.name,
      ahead: uncappedMean(unit.targets),
      score,
      unreported: judged.length > 0 && score === null,
      judged: judged.length,
      behindOn,
    };
  });
  // Units with nothing to judge go last: there is nothing to call them about.
  const group = (u: (typeof scored)[number]) => (u.unreported ? 0 : u.judged === 0 ? 2 : 1);
  scored.sort(
    (a, b) => group(a) - group(b) || (a.score ?? 0) - (b.score ?? 0) || a.ahead - b.ahead || byName(a, b),
  );
  return scored.map(({ ahead: _ahead, ...u }, i) => ({ ...u, rank: i + 1 }));
}

/** A unit whose score is below the on-track band is lagging overall. */
export function isLagging(score: number | null): boolean {
  return score === null || score < PACE_ON_TRACK;
}
