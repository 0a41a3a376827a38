import { searchKey } from '@chitieu/core';
import { useMemo } from 'react';

/** The unit tree in reading order (each parent followed by its children), for the unit picker. */
export interface UnitNode {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
  /** The unit's code (mã đơn vị), when the list has it: searchable, and tells namesakes apart. */
  code?: string;
}

/** A unit found by a search, with its parent's name to tell same-named units apart. */
export interface FoundUnit<U extends UnitNode> {
  unit: U;
  parentName: string | null;
}

/**
 * The units a search finds, in tree order, ignoring diacritics and case. What is typed is first
 * read as the start of a name or code, anywhere in it ("phu thuy" and "Phường Phú T" find the Phú
 * wards, not Mũi Né); when nothing is found that way, each word typed must begin a word of the
 * unit's name, code or parent's name ("tan ha duc linh" finds the Xã Tân Hà of Huyện Đức Linh).
 */
export function searchUnits<U extends UnitNode>(units: readonly U[], query: string): FoundUnit<U>[] {
  const phrase = searchKey(query);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const all = depthFirst(units).map((unit) => ({
    unit,
    parentName: unit.parentId === null ? null : (nameOf.get(unit.parentId) ?? null),
  }));
  if (phrase === '') return all;
  const byPhrase = all.filter(({ unit }) =>
    [unit.name, unit.code ?? ''].some((text) => ` ${searchKey(text)}`.includes(` ${phrase}`)),
  );
  if (byPhrase.length > 0) return byPhrase;
  const words = phrase.split(' ');
  return all.filter(({ unit, parentName }) => {
    const haystack = ` ${searchKey(`${unit.name} ${unit.code ?? ''} ${parentName ?? ''}`)}`;
    return words.every((word) => haystack.includes(` ${word}`));
  });
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

/**
 * The units a user may pick in a structure's tree: the subtrees of their roles' units and of the
 * units the API opened for them (the API has the last word either way). After a reorganisation a
 * role sits at a successor that an older structure does not contain; the API still opens that
 * structure's unit, and its subtree stays pickable.
 */
export function usePickableUnits<U extends UnitNode>(
  units: readonly U[] | undefined,
  homeUnitIds: readonly number[],
  opened: readonly (number | undefined)[],
) {
  const openedKey = opened.filter((id) => id !== undefined).join(',');
  return useMemo(() => {
    const all = units ?? [];
    // Without roles to go by, everything, as withinRoots does.
    const roots =
      homeUnitIds.length === 0 ? [] : [...homeUnitIds, ...openedKey.split(',').filter(Boolean).map(Number)];
    const openable = withinRoots(all, roots);
    return { openable, pickable: all.filter((unit) => openable.has(unit.id)) };
  }, [units, homeUnitIds, openedKey]);
}
