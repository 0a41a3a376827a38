/**
 * Phase 3 of planning a reorganisation (docs/decisions/0031): the new tree, and where every unit
 * that leaves it is attributed. Pure.
 *
 * Attribution ("cơ cấu mới"): in the new structure version every closed unit keeps a placement as a
 * leaf under the unit that took it over (its designated successor, or for a level that ended, its
 * heir), so the existing roll-up code sums old results into their successors, and the new root's
 * totals equal the as-reported ones. Results themselves never move.
 */
import { type MapProblem, type MergeRow, refuseMap } from './reorganise-map.ts';
import type { Matched } from './reorganise-match.ts';
import type { Successors } from './reorganise-successors.ts';
import type { TreeNode, UnitInfo } from './reorganise-types.ts';
import { found } from './rows.ts';

export interface Placements {
  /** Every unit of the new version, by key. */
  tree: Map<string, TreeNode>;
  /** Open unit id → whether it stays open in the new version. */
  survives: Map<number, boolean>;
  /** Units closed because no open unit is left under them (the districts in 2025). */
  ended: UnitInfo[];
  /** Units a created parent of the same type takes the place of. */
  replaced: UnitInfo[];
  replacedBy: Map<number, string>;
  /** Units closed by earlier reorganisations, still placed as leaves. */
  earlier: UnitInfo[];
  /** Ids of the units the map closes. */
  closingIds: Set<number>;
  /** Every unit this reorganisation closes: by the map, ended, replaced. */
  closedIds: number[];
  /** Closed unit id → key of the unit its results, roles and allocations go to. */
  attribution: Map<number, string>;
  warnings: MapProblem[];
}

/** The longest common start of the paths. */
export function lowestCommon<T>(paths: T[][]): T[] {
  const first = paths[0] ?? [];
  let n = first.length;
  for (const p of paths) {
    let i = 0;
    while (i < n && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

export function placeUnits(
  units: UnitInfo[],
  rows: MergeRow[],
  { open, closing }: Pick<Matched, 'open' | 'closing'>,
  { newUnits, parentKeyOf, createdParents, designatedOf }: Successors,
): Placements {
  const byId = new Map(units.map((u) => [u.id, u]));
  // Levels left without open units end (the districts in 2025).
  const closingIds = new Set([...closing.values()].map((u) => u.id));
  const childrenOf = new Map<number, UnitInfo[]>();
  for (const u of open)
    if (u.parentId !== null) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u]);
  const parentsOfNew = new Set(
    [...parentKeyOf.values()].filter((k) => k.startsWith('u:')).map((k) => Number(k.slice(2))),
  );
  const survives = new Map<number, boolean>();
  for (const u of [...open].sort((a, b) => b.depth - a.depth)) {
    const kids = childrenOf.get(u.id) ?? [];
    survives.set(
      u.id,
      !closingIds.has(u.id) &&
        (kids.length === 0 || kids.some((k) => survives.get(k.id)) || parentsOfNew.has(u.id)),
    );
  }
  const ended = open.filter((u) => !closingIds.has(u.id) && !survives.get(u.id));

  const tree = new Map<string, TreeNode>();
  for (const u of open) {
    if (survives.get(u.id))
      tree.set(`u:${u.id}`, {
        parent: u.parentId === null ? null : `u:${u.parentId}`,
        sortOrder: u.sortOrder,
      });
  }
  // A created parent sits under the nearest surviving ancestor of the units it takes in, or at the top.
  const prevPath = (id: number): number[] => {
    const path: number[] = [];
    for (let u = byId.get(id); u; u = u.parentId === null ? undefined : byId.get(u.parentId))
      path.unshift(u.id);
    return path;
  };
  for (const p of createdParents.values()) {
    const olds = rows
      .filter((r) => parentKeyOf.get(r.newCode) === `p:${p.code}`)
      .map((r) => found(closing.get(r.oldCode), `the closing unit ${r.oldCode}`).id);
    const anc = lowestCommon(olds.map(prevPath)).filter((id) => survives.get(id));
    const at = anc[anc.length - 1];
    tree.set(`p:${p.code}`, { parent: at === undefined ? null : `u:${at}`, sortOrder: 0 });
  }
  for (const [code, r] of newUnits) {
    const first = closing.get(r.oldCode);
    tree.set(`n:${code}`, { parent: parentKeyOf.get(code) ?? null, sortOrder: first?.sortOrder ?? 0 });
  }
  const { replaced, replacedBy, warnings } = replaceSameType(tree, byId, survives, createdParents);
  const roots = [...tree].filter(([, v]) => v.parent === null);
  if (roots.length !== 1) {
    refuseMap([{ message: `Sau khi áp dụng, cơ cấu mới có ${roots.length} đơn vị gốc; cần đúng một.` }]);
  }
  const rootKey = found(roots[0], 'the root of the new structure')[0];
  const livePath = new Map<string, string[]>();
  const pathOfKey = (key: string): string[] => {
    const known = livePath.get(key);
    if (known) return known;
    const parent = tree.get(key)?.parent ?? null;
    const path = [...(parent ? pathOfKey(parent) : []), key];
    livePath.set(key, path);
    return path;
  };

  // A closed unit's results go to its designated successor; an ended level's to its heir, the
  // lowest unit of the new tree that holds everything its units went to.
  const attribution = new Map<number, string>();
  for (const u of closing.values()) attribution.set(u.id, `n:${designatedOf.get(u.code)}`);
  for (const [id, key] of replacedBy) attribution.set(id, key);
  for (const u of [...ended].sort((a, b) => b.depth - a.depth)) {
    const targets = (childrenOf.get(u.id) ?? []).map((k) => attribution.get(k.id) ?? `u:${k.id}`);
    const common = lowestCommon(targets.map(pathOfKey));
    attribution.set(u.id, common[common.length - 1] ?? rootKey);
  }
  // Units closed by earlier reorganisations follow the unit they were attributed to.
  const attributedTo = (id: number): string => {
    const a = attribution.get(id);
    if (a) return a;
    const u = byId.get(id);
    if (u && survives.get(id)) return `u:${id}`;
    if (!u || u.parentId === null) return rootKey;
    return attributedTo(u.parentId);
  };
  const earlier = units.filter((u) => u.validTo !== null);
  for (const u of earlier) attribution.set(u.id, u.parentId === null ? rootKey : attributedTo(u.parentId));
  const closedIds = [...closingIds, ...ended.map((u) => u.id), ...replaced.map((u) => u.id)];
  return {
    tree,
    survives,
    ended,
    replaced,
    replacedBy,
    earlier,
    closingIds,
    closedIds,
    attribution,
    warnings,
  };
}

/**
 * Units of one type are not nested: a new parent of the same type as the unit it would sit under
 * (the new Tỉnh Lâm Đồng under the old Tỉnh Bình Thuận) replaces that unit, which ends; the units
 * left under it (the directly attached unions) move to the new parent. Changes `tree` and
 * `survives` in place.
 */
function replaceSameType(
  tree: Map<string, TreeNode>,
  byId: Map<number, UnitInfo>,
  survives: Map<number, boolean>,
  createdParents: Successors['createdParents'],
) {
  const replaced: UnitInfo[] = [];
  const replacedBy = new Map<number, string>();
  for (const p of createdParents.values()) {
    const key = `p:${p.code}`;
    const holderKey = tree.get(key)?.parent;
    const holder = holderKey ? byId.get(Number(holderKey.slice(2))) : undefined;
    if (!holder || p.name === null || p.type !== holder.type || replaced.includes(holder)) continue;
    replaced.push(holder);
    replacedBy.set(holder.id, key);
    survives.set(holder.id, false);
    tree.delete(`u:${holder.id}`);
    tree.set(key, {
      parent: holder.parentId === null ? null : `u:${holder.parentId}`,
      sortOrder: holder.sortOrder,
    });
    for (const [k, v] of tree) if (v.parent === holderKey) tree.set(k, { ...v, parent: key });
  }
  // A new parent meant to take the root's place but of another type would silently sit under it.
  const warnings: MapProblem[] = [];
  for (const p of createdParents.values()) {
    const holderKey = tree.get(`p:${p.code}`)?.parent;
    const holder = holderKey ? byId.get(Number(holderKey.slice(2))) : undefined;
    if (!holder || holder.parentId !== null || replacedBy.has(holder.id) || !p.type) continue;
    warnings.push({
      code: p.code,
      message: `Đơn vị cấp trên mới ${p.code} (${p.name ?? 'chưa đặt tên'}, loại ${p.type}) sẽ nằm dưới ${holder.name}, và ${holder.name} vẫn là đơn vị gốc. Nếu ${p.code} thay ${holder.name}, hãy chọn loại “${holder.type}”.`,
    });
  }
  return { replaced, replacedBy, warnings };
}
