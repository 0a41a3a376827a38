/** The unit tree in reading order (each parent followed by its children), for the unit picker. */
export interface UnitNode {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
}

export function depthFirst<U extends UnitNode>(units: readonly U[]): U[] {
  const children = new Map<number | null, U[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  const out: U[] = [];
  const visit = (parent: number | null) => {
    for (const unit of children.get(parent) ?? []) {
      out.push(unit);
      visit(unit.id);
    }
  };
  visit(null);
  return out;
}

/**
 * Units inside the subtrees of `roots` (the units a user holds roles at), for offering only what
 * they may open. Without roots, everything (the API has the last word either way).
 */
export function withinRoots<U extends UnitNode>(units: readonly U[], roots: readonly number[]): Set<number> {
  if (roots.length === 0) return new Set(units.map((u) => u.id));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const rootSet = new Set(roots);
  const inside = new Set<number>();
  for (const unit of units) {
    let id: number | null | undefined = unit.id;
    const seen = new Set<number>();
    while (id !== null && id !== undefined && !seen.has(id)) {
      if (rootSet.has(id)) {
        inside.add(unit.id);
        break;
      }
      seen.add(id);
      id = parentOf.get(id);
    }
  }
  return inside;
}
