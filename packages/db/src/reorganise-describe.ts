/**
 * The last step of planning a reorganisation (docs/decisions/0031): put the phases' decisions
 * together as the plan the admin reads and the keyed lists apply writes. Pure.
 */
import { formatDate } from '@chitieu/core';
import type { Rebased } from './reorganise-allocations.ts';
import { type MapProblem, type MergeRow, typeFromName } from './reorganise-map.ts';
import type { Matched } from './reorganise-match.ts';
import type { Placements } from './reorganise-placements.ts';
import type { RoleMoves } from './reorganise-roles.ts';
import type { Successors } from './reorganise-successors.ts';
import type { Internal, Label, UnitInfo } from './reorganise-types.ts';
import { found } from './rows.ts';

/** The code and name of a key: an existing unit, a unit the map opens, or a created parent. */
export function labeller(
  byId: Map<number, UnitInfo>,
  { newUnits, createdParents }: Pick<Successors, 'newUnits' | 'createdParents'>,
): Label {
  return (key) => {
    if (key.startsWith('u:')) {
      const u = byId.get(Number(key.slice(2)));
      return { code: u?.code ?? '', name: u?.name ?? '' };
    }
    if (key.startsWith('n:')) {
      const r = newUnits.get(key.slice(2));
      return { code: r?.newCode ?? '', name: r?.newName ?? '' };
    }
    const p = createdParents.get(key.slice(2));
    return { code: p?.code ?? '', name: p?.name ?? `(đơn vị mới mã ${p?.code})` };
  };
}

export interface Decided {
  hash: string;
  date: string;
  previous: { id: number; name: string; validFrom: string };
  rows: MergeRow[];
  byId: Map<number, UnitInfo>;
  matched: Matched;
  successors: Successors;
  placements: Placements;
  rebased: Rebased;
  moved: RoleMoves;
  warnings: MapProblem[];
  label: Label;
}

export function describePlan(d: Decided): Internal {
  const { rows, byId, label } = d;
  const { open, closing } = d.matched;
  const { newUnits, parentKeyOf, createdParents, designatedOf } = d.successors;
  const { tree, survives, ended, replaced, replacedBy, earlier, attribution } = d.placements;
  const attributedTo = (id: number) => found(attribution.get(id), `the successor of unit ${id}`);
  const created: Internal['created'] = [
    ...[...createdParents.values()].map((p) => ({
      key: `p:${p.code}`,
      code: p.code,
      name: p.name ?? '',
      type: p.type,
      isGrassroots: false,
    })),
    ...[...newUnits.values()].map((r) => ({
      key: `n:${r.newCode}`,
      code: r.newCode,
      name: r.newName,
      type: typeFromName(r.newName),
      // A commune formed from grassroots unions is one too.
      isGrassroots: rows.some((x) => x.newCode === r.newCode && closing.get(x.oldCode)?.isGrassroots === 1),
    })),
  ];
  const successions: Internal['successions'] = [
    ...rows.map((r) => ({
      oldId: found(closing.get(r.oldCode), `the closing unit ${r.oldCode}`).id,
      newKey: `n:${r.newCode}`,
      kind: r.kind,
      designated: r.kind === 'full' || designatedOf.get(r.oldCode) === r.newCode,
    })),
    ...[...ended, ...replaced].map((u) => ({
      oldId: u.id,
      newKey: attributedTo(u.id),
      kind: 'full' as const,
      designated: true,
    })),
  ];
  const attributed = closing.size + ended.length + replaced.length + earlier.length;
  const plan: Internal['plan'] = {
    hash: d.hash,
    effectiveDate: d.date,
    alreadyApplied: null,
    previousVersion: { id: d.previous.id, name: d.previous.name, validFrom: d.previous.validFrom },
    newVersionName: `Cơ cấu từ ${formatDate(d.date)}`,
    closes: [
      ...[...closing.values()].map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        reason: 'map' as const,
        attributedTo: label(attributedTo(u.id)).name,
      })),
      ...[...ended, ...replaced].map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        reason: replacedBy.has(u.id) ? ('replaced' as const) : ('level_ended' as const),
        attributedTo: label(attributedTo(u.id)).name,
      })),
    ],
    opens: [...newUnits.values()].map((r) => {
      const parent = label(found(parentKeyOf.get(r.newCode), `the parent of new unit ${r.newCode}`));
      return {
        code: r.newCode,
        name: r.newName,
        type: typeFromName(r.newName),
        parentCode: parent.code,
        parentName: parent.name,
        predecessors: rows.filter((x) => x.newCode === r.newCode).map((x) => x.oldCode),
      };
    }),
    createdParents: [...createdParents.values()],
    successions: successions.map((s) => {
      const old = found(byId.get(s.oldId), `unit ${s.oldId}`);
      const to = label(s.newKey);
      return {
        oldId: s.oldId,
        oldCode: old.code,
        oldName: old.name,
        newCode: to.code,
        newName: to.name,
        kind: s.kind,
        designated: s.designated,
      };
    }),
    partials: d.successors.partials,
    placements: {
      carried: open.filter((u) => survives.get(u.id)).length,
      opened: newUnits.size + createdParents.size,
      attributed,
      total: tree.size + attributed,
    },
    allocations: d.rebased.allocations,
    roles: d.moved.roles,
    warnings: d.warnings,
  };
  return {
    plan,
    rows,
    previousId: d.previous.id,
    created,
    tree,
    closedIds: d.placements.closedIds,
    attribution,
    successions,
    roleMoves: d.moved.roleMoves,
    allocationSums: d.rebased.allocationSums,
  };
}

/** The plan of a map applied before: nothing to do, only what was done. */
export function appliedPlan(
  hash: string,
  date: string,
  previous: { id: number; name: string; validFrom: string },
  rows: MergeRow[],
  done: { structureVersionId: number; at: string },
): Internal {
  return {
    plan: {
      hash,
      effectiveDate: date,
      alreadyApplied: done,
      previousVersion: previous,
      newVersionName: '',
      closes: [],
      opens: [],
      createdParents: [],
      successions: [],
      partials: [],
      placements: { carried: 0, opened: 0, attributed: 0, total: 0 },
      allocations: [],
      roles: [],
      warnings: [],
    },
    rows,
    previousId: previous.id,
    created: [],
    tree: new Map(),
    closedIds: [],
    attribution: new Map(),
    successions: [],
    roleMoves: [],
    allocationSums: [],
  };
}
