/** The targets of a term as the views read them: each with its indicators, yearly plan and mission. */
import type { Direction, Mission } from '@chitieu/core';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { found } from '../rows.ts';
import * as s from '../schema.ts';
import { memoByRevision } from './memo.ts';

export type Indicator = typeof s.indicators.$inferSelect;

export interface IndicatorInfo {
  id: number;
  code: string;
  name: string;
  measurementUnit: string;
  measureType: Indicator['measureType'];
  decimals: number;
  frequency: Indicator['frequency'];
  ratioOverTime: Indicator['ratioOverTime'];
}

export interface TargetDefinition {
  id: number;
  code: string;
  wording: string;
  shortName: string;
  counted: boolean;
  direction: Direction;
  baseline: number;
  goal: number | null;
  midTermMilestone: number | null;
  indicator: IndicatorInfo;
  related: IndicatorInfo[];
  yearlyPlan: { year: number; amount: number }[];
  /** The named view this target feeds (overview chart, mission page), or null. */
  mission: Mission | null;
}

export function termTargets(db: DbOrTx, termId: number): TargetDefinition[] {
  return memoByRevision(db, `targets:${termId}`, () => loadTermTargets(db, termId));
}

function loadTermTargets(db: DbOrTx, termId: number): TargetDefinition[] {
  const targets = db
    .select()
    .from(s.targets)
    .where(eq(s.targets.termId, termId))
    .orderBy(asc(s.targets.sortOrder))
    .all();
  const indicatorsById = new Map(
    db
      .select()
      .from(s.indicators)
      .all()
      .map((i) => [i.id, i]),
  );
  const related = db
    .select()
    .from(s.targetRelatedIndicators)
    .orderBy(asc(s.targetRelatedIndicators.sortOrder))
    .all();
  const plans = db.select().from(s.targetYearlyPlans).orderBy(asc(s.targetYearlyPlans.year)).all();
  const info = (id: number): IndicatorInfo => {
    const { code, name, measurementUnit, measureType, decimals, frequency, ratioOverTime } = found(
      indicatorsById.get(id),
      `indicator ${id} of a target of term ${termId}`,
    );
    return { id, code, name, measurementUnit, measureType, decimals, frequency, ratioOverTime };
  };
  return targets.map((t) => ({
    id: t.id,
    code: t.code,
    wording: t.wording,
    shortName: t.shortName,
    counted: t.counted,
    direction: t.direction,
    baseline: t.baseline,
    goal: t.goal,
    midTermMilestone: t.midTermMilestone,
    indicator: info(t.primaryIndicatorId),
    related: related.filter((r) => r.targetId === t.id).map((r) => info(r.indicatorId)),
    yearlyPlan: plans.filter((p) => p.targetId === t.id).map(({ year, amount }) => ({ year, amount })),
    mission: t.mission,
  }));
}
