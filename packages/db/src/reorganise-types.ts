/**
 * The shapes a reorganisation is described in: what the caller sends, the plan it gets back, and
 * the plain data the planning phases pass to each other (docs/decisions/0031).
 *
 * Units of the new tree are named by keys: `u:<id>` an existing unit, `n:<code>` a unit the map
 * opens, `p:<code>` a parent the map names but the tree lacks. New units get their ids on apply.
 */
import type { MapProblem, MergeRow } from './reorganise-map.ts';

export interface ReorganiseInput {
  /** The CSV file (bytes, UTF-8 with or without BOM) or its text. */
  map: Uint8Array | string;
  effectiveDate: string;
  /** Old code of a `partial` unit → new code of the successor its results go to (default: the first listed). */
  designations?: Record<string, string>;
  /** Code → name of a new parent the map names but the tree lacks (e.g. 68 → "Tỉnh Lâm Đồng"). */
  parentNames?: Record<string, string>;
  /**
   * Code → type of such a parent (68 → "Tỉnh"). Without it the type is read from the name's first
   * word; a name that states none ("Hội LHPN tỉnh Lâm Đồng") is refused until a type is chosen.
   */
  parentTypes?: Record<string, string>;
  /** The structure version the preview was made on; apply refuses (409) if another one is current. */
  expectedVersionId?: number;
}

export interface ReorganisationPlan {
  hash: string;
  effectiveDate: string;
  /** The same map on the same date was applied before: applying again changes nothing. */
  alreadyApplied: { structureVersionId: number; at: string } | null;
  previousVersion: { id: number; name: string; validFrom: string };
  newVersionName: string;
  closes: {
    id: number;
    code: string;
    name: string;
    reason: 'map' | 'level_ended' | 'replaced';
    attributedTo: string;
  }[];
  opens: {
    code: string;
    name: string;
    type: string;
    parentCode: string;
    parentName: string;
    predecessors: string[];
  }[];
  createdParents: CreatedParent[];
  successions: {
    oldId: number;
    oldCode: string;
    oldName: string;
    newCode: string;
    newName: string;
    kind: 'full' | 'partial';
    designated: boolean;
  }[];
  partials: {
    oldCode: string;
    oldName: string;
    successors: { code: string; name: string }[];
    designated: string;
    /** No designation was given: the first listed successor was taken. */
    defaulted: boolean;
  }[];
  /** Units in the new version: carried over unchanged, opened, created parents, closed units attributed. */
  placements: { carried: number; opened: number; attributed: number; total: number };
  allocations: {
    targetId: number;
    targetCode: string;
    targetName: string;
    from: { code: string; name: string; goal: number }[];
    toCode: string;
    toName: string;
    goal: number;
  }[];
  roles: {
    userId: number;
    username: string;
    role: string;
    fromCode: string;
    fromName: string;
    /** null: the unit's level ended with no single successor; an admin should reassign it. */
    toCode: string | null;
    toName: string | null;
  }[];
  warnings: MapProblem[];
}

export interface ReorganisationResult {
  /** false: the same map was applied before (a successful no-op, or a correction of designations). */
  applied: boolean;
  structureVersionId: number;
  plan: ReorganisationPlan;
  /** Split units (old codes) whose results now go to another successor, when the same map came again with other designations. */
  corrected: string[];
}

/** A parent the map names but the tree lacks; name and type may still be missing (apply refuses then). */
export interface CreatedParent {
  code: string;
  name: string | null;
  type: string;
}

/** A unit placed in the current structure version, as the phases read it. */
export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: number;
  validFrom: string;
  validTo: string | null;
  parentId: number | null;
  depth: number;
  sortOrder: number;
}

/** A role held on a unit of the current structure. */
export interface RoleAssignment {
  id: number;
  userId: number;
  username: string;
  role: string;
  unitId: number;
}

/** A target's goal allocated to a unit of the current structure. */
export interface UnitAllocation {
  targetId: number;
  code: string;
  shortName: string;
  unitId: number;
  goal: number;
}

/** A unit of the new tree: its parent's key and its place among its siblings. */
export interface TreeNode {
  parent: string | null;
  sortOrder: number;
}

/** The code and name a key stands for, for the plan's descriptions. */
export type Label = (key: string) => { code: string; name: string };

/** Everything apply writes: the public plan and the keyed decisions behind it. */
export interface Internal {
  plan: ReorganisationPlan;
  rows: MergeRow[];
  previousId: number;
  /** Units the map opens and parents it creates, keyed 'n:code' / 'p:code'. */
  created: { key: string; code: string; name: string; type: string; isGrassroots: boolean }[];
  /** Every unit of the new version: key → parent key, sort order. */
  tree: Map<string, TreeNode>;
  closedIds: number[];
  /** Closed unit id → key of the unit its results, roles and allocations go to. */
  attribution: Map<number, string>;
  successions: { oldId: number; newKey: string; kind: 'full' | 'partial'; designated: boolean }[];
  roleMoves: { assignmentId: number; toKey: string }[];
  allocationSums: { targetId: number; toKey: string; goal: number }[];
}
