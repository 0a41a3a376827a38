/**
 * Reorganisation (issue #6 item 5; docs/decisions/0009-reorganisation.md): apply a merge map on an
 * effective date. One plan function decides everything (what closes, opens, who succeeds whom, the
 * new placements, re-based allocations, moved role scopes) without writing; preview returns it and
 * apply writes it in one transaction, then builds the new version's roll-ups in bulk.
 *
 * Attribution ("cơ cấu mới"): in the new structure version every closed unit keeps a placement as a
 * leaf under the unit that took it over (its designated successor, or for a level that ended, its
 * heir), so the existing roll-up code sums old results into their successors, and the new root's
 * totals equal the as-reported ones. Results themselves never move.
 */

import { conflict, forbidden, formatDate, isIsoDate, textProblem } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { type Actor, authorize } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { appliedPartials, correctDesignations } from './reorganise-correct.ts';
import {
  legacyMapHash,
  type MapProblem,
  type MergeRow,
  mapHash,
  parseMergeMap,
  refuseMap,
  statedType,
  typeFromName,
} from './reorganise-map.ts';
import { bumpRevision } from './revision.ts';
import { rebuildRollups } from './rollup.ts';
import { stmt } from './statements.ts';
import { parentPathIn, placeInEveryVersion } from './units.ts';

export * from './reorganise-map.ts';

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

interface PlannedUnit {
  key: string;
  /** Existing units have an id; units the map opens get one on apply. */
  id: number | null;
  code: string;
  name: string;
  type: string;
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
  createdParents: { code: string; name: string | null; type: string }[];
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

interface UnitInfo {
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

/** Everything apply needs beyond the public plan. */
interface Internal {
  plan: ReorganisationPlan;
  rows: MergeRow[];
  previousId: number;
  /** Units the map opens and parents it creates, keyed 'n:code' / 'p:code'. */
  created: (PlannedUnit & { isGrassroots: boolean })[];
  /** Every unit of the new version: key → parent key, sort order. */
  tree: Map<string, { parent: string | null; sortOrder: number }>;
  closedIds: number[];
  /** Closed unit id → key of the unit its results, roles and allocations go to. */
  attribution: Map<number, string>;
  successions: { oldId: number; newKey: string; kind: 'full' | 'partial'; designated: boolean }[];
  roleMoves: { assignmentId: number; toKey: string }[];
  allocationSums: { targetId: number; toKey: string; goal: number }[];
}

const AUDIT_ENTITY = 'reorganisation';

function previousAudit(db: DbOrTx, hash: string) {
  const row = stmt<{ at: string; after: string }>(
    db,
    `SELECT at, after FROM audit_events WHERE entity = '${AUDIT_ENTITY}' AND entity_id = ? ORDER BY id LIMIT 1`,
  ).get(hash);
  return row
    ? {
        at: row.at,
        structureVersionId: (JSON.parse(row.after) as { structureVersionId: number }).structureVersionId,
      }
    : null;
}

function authorizeAdmin(db: DbOrTx, actor: Actor | 'system', rootId: number) {
  if (actor === 'system') return;
  authorize(db, actor, 'administer', rootId);
}

/**
 * Refuse (403) anyone who may not reorganise: an admin of the current structure's root. The API
 * calls it before reading the uploaded map; `plan` checks it again with the map.
 */
export function authorizeReorganisation(db: DbOrTx, actor: Actor): void {
  const root = db.get<{ id: number }>(sql`
    SELECT p.unit_id AS id FROM placements p
    WHERE p.parent_id IS NULL AND p.structure_version_id = (
      SELECT id FROM structure_versions ORDER BY valid_from DESC, id DESC LIMIT 1)
    LIMIT 1`);
  if (!root) throw forbidden('Bạn không có quyền quản trị.');
  authorizeAdmin(db, actor, root.id);
}

/** Decide the whole reorganisation without writing. Throws `invalid` with every problem found. */
function plan(db: DbOrTx, actor: Actor | 'system', input: ReorganiseInput): Internal {
  // Who may do it comes first: a non-admin learns nothing about the file or the tree.
  const previous = db.get<{ id: number; name: string; validFrom: string; validTo: string | null }>(sql`
    SELECT id, name, valid_from AS validFrom, valid_to AS validTo FROM structure_versions
    ORDER BY valid_from DESC, id DESC LIMIT 1`);
  const units = previous
    ? db.all<UnitInfo>(sql`
    SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, u.valid_from AS validFrom,
           u.valid_to AS validTo, p.parent_id AS parentId, p.depth, p.sort_order AS sortOrder
    FROM placements p JOIN units u ON u.id = p.unit_id
    WHERE p.structure_version_id = ${previous.id}
    ORDER BY p.depth, p.sort_order, u.id`)
    : [];
  const root = units.find((u) => u.parentId === null);
  if (root) authorizeAdmin(db, actor, root.id);
  else if (actor !== 'system') throw forbidden('Bạn không có quyền quản trị.');
  const rows = parseMergeMap(input.map);
  const date = input.effectiveDate;
  if (!isIsoDate(date))
    refuseMap([{ message: `Ngày hiệu lực “${date}” không hợp lệ (cần dạng YYYY-MM-DD).` }]);
  if (!previous) refuseMap([{ message: 'Chưa có cơ cấu tổ chức nào để sắp xếp lại.' }]);

  const hash = mapHash(rows, date);
  const done = previousAudit(db, hash) ?? previousAudit(db, legacyMapHash(rows, date));
  // The preview was of another structure (someone applied a map since): look again before applying.
  if (!done && input.expectedVersionId !== undefined && input.expectedVersionId !== previous.id) {
    throw conflict('Cơ cấu tổ chức đã thay đổi kể từ khi xem trước; hãy xem trước lại.', {
      currentVersionId: previous.id,
    });
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const problems: MapProblem[] = [];
  const warnings: MapProblem[] = [];
  if (!done && date <= previous.validFrom) {
    problems.push({
      message: `Ngày hiệu lực phải sau ngày bắt đầu của cơ cấu hiện hành (${formatDate(previous.validFrom)}).`,
    });
  }

  // Units are matched by code among the units open in the current structure, never by name.
  const open = units.filter((u) => u.validTo === null);
  const openByCode = new Map<string, UnitInfo>();
  for (const u of open) openByCode.set(u.code, u);
  const oldCodes = [...new Set(rows.map((r) => r.oldCode))];
  const closing = new Map<string, UnitInfo>();
  for (const code of oldCodes) {
    const line = rows.find((r) => r.oldCode === code)?.line;
    const unit = openByCode.get(code);
    if (unit) {
      if (!done && unit.validFrom >= date) {
        problems.push({
          line,
          code,
          message: `Dòng ${line}: đơn vị mã ${code} bắt đầu từ ${formatDate(unit.validFrom)}, sau ngày hiệu lực.`,
        });
      }
      closing.set(code, unit);
      continue;
    }
    if (done) continue;
    const closed = db.get<{ name: string; validTo: string }>(sql`
      SELECT name, valid_to AS validTo FROM units WHERE code = ${code} AND valid_to IS NOT NULL
      ORDER BY valid_to DESC LIMIT 1`);
    problems.push({
      line,
      code,
      message: closed
        ? `Dòng ${line}: đơn vị mã ${code} (${closed.name}) đã giải thể từ ngày ${formatDate(closed.validTo)}.`
        : `Dòng ${line}: không có đơn vị đang hoạt động mang mã ${code}.`,
    });
  }
  if (done) {
    // A map applied before matches closed units now; its plan is not recomputed, only reported,
    // with where its split units' results go (a designation can still be corrected).
    const applied = emptyPlan(hash, date, previous, rows, done);
    applied.plan.partials = appliedPartials(db, date);
    return applied;
  }
  for (const r of rows) {
    const unit = closing.get(r.oldCode);
    if (unit && r.oldName && unit.name !== r.oldName) {
      warnings.push({
        line: r.line,
        code: r.oldCode,
        message: `Dòng ${r.line}: mã ${r.oldCode} là “${unit.name}” (tệp ghi “${r.oldName}”); khớp theo mã.`,
      });
    }
  }

  // Each old unit: one `full` successor, or two or more `partial` ones.
  const successorsOf = new Map<string, MergeRow[]>();
  for (const r of rows) successorsOf.set(r.oldCode, [...(successorsOf.get(r.oldCode) ?? []), r]);
  for (const [code, list] of successorsOf) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.newCode))
        problems.push({
          line: r.line,
          code,
          message: `Dòng ${r.line}: đơn vị cũ ${code} được ghi hai lần cho đơn vị mới ${r.newCode}.`,
        });
      seen.add(r.newCode);
    }
    const full = list.filter((r) => r.kind === 'full');
    if (full.length > 1) {
      problems.push({
        line: full[1]?.line,
        code,
        message: `Đơn vị cũ ${code} có ${full.length} đơn vị kế thừa “full” (dòng ${full.map((r) => r.line).join(', ')}); chỉ được một.`,
      });
    } else if (full.length === 1 && list.length > 1) {
      problems.push({
        line: list[1]?.line,
        code,
        message: `Đơn vị cũ ${code} vừa sáp nhập toàn bộ (full) vừa chia tách (partial).`,
      });
    }
  }

  // Each new unit: one name and one parent across its rows; its code not held by a unit that stays open.
  const newUnits = new Map<string, MergeRow>();
  for (const r of rows) {
    const first = newUnits.get(r.newCode);
    if (!first) newUnits.set(r.newCode, r);
    else if (first.newName !== r.newName || first.newParentCode !== r.newParentCode) {
      problems.push({
        line: r.line,
        code: r.newCode,
        message: `Dòng ${r.line}: đơn vị mới ${r.newCode} có tên hoặc cấp trên khác với dòng ${first.line}.`,
      });
    }
  }
  for (const [code, r] of newUnits) {
    if (openByCode.has(code) && !closing.has(code)) {
      problems.push({
        line: r.line,
        code,
        message: `Dòng ${r.line}: mã mới ${code} đang thuộc đơn vị “${openByCode.get(code)?.name}”, đơn vị này không giải thể theo bản đồ.`,
      });
    }
  }

  // Parents: another new unit of the map, an open unit that stays, or a new parent created by code.
  const parentKeyOf = new Map<string, string>();
  const createdParents = new Map<string, { code: string; name: string | null; type: string }>();
  for (const [code, r] of newUnits) {
    const p = r.newParentCode;
    if (p === code)
      problems.push({
        line: r.line,
        code,
        message: `Dòng ${r.line}: đơn vị ${code} không thể là cấp trên của chính nó.`,
      });
    else if (newUnits.has(p)) parentKeyOf.set(code, `n:${p}`);
    else if (closing.has(p))
      problems.push({
        line: r.line,
        code,
        message: `Dòng ${r.line}: cấp trên ${p} giải thể theo chính bản đồ này.`,
      });
    else if (openByCode.has(p)) parentKeyOf.set(code, `u:${openByCode.get(p)?.id}`);
    else {
      const name = input.parentNames?.[p]?.trim() || null;
      const bad = name ? textProblem(`Tên đơn vị cấp trên ${p}`, name) : null;
      if (bad) problems.push({ line: r.line, code, message: bad });
      const type = input.parentTypes?.[p]?.trim() || (name ? statedType(name) : null) || '';
      createdParents.set(p, { code: p, name, type });
      parentKeyOf.set(code, `p:${p}`);
    }
  }
  // A cycle among new units (A under B, B under A) has no root.
  for (const code of newUnits.keys()) {
    const seen = new Set<string>();
    let k: string | undefined = `n:${code}`;
    while (k?.startsWith('n:') && !seen.has(k)) {
      seen.add(k);
      k = parentKeyOf.get(k.slice(2));
    }
    if (k?.startsWith('n:')) {
      problems.push({
        code,
        message: `Các đơn vị mới tạo thành vòng cấp trên (${[...seen].map((s) => s.slice(2)).join(' → ')}).`,
      });
      break;
    }
  }

  // Partial units: the admin designates which successor takes their results (default: the first listed).
  const partials: ReorganisationPlan['partials'] = [];
  const designatedOf = new Map<string, string>();
  for (const [code, list] of successorsOf) {
    if (list.length === 1) {
      designatedOf.set(code, list[0]?.newCode as string);
      if (list[0]?.kind === 'partial')
        warnings.push({
          line: list[0].line,
          code,
          message: `Dòng ${list[0].line}: đơn vị ${code} “partial” chỉ có một đơn vị kế thừa.`,
        });
      continue;
    }
    const chosen = input.designations?.[code];
    if (chosen !== undefined && !list.some((r) => r.newCode === chosen)) {
      problems.push({
        code,
        message: `Đơn vị kế thừa được chỉ định cho ${code} (${chosen}) không có trong các dòng của nó.`,
      });
    }
    const designated =
      chosen && list.some((r) => r.newCode === chosen) ? chosen : (list[0]?.newCode as string);
    designatedOf.set(code, designated);
    partials.push({
      oldCode: code,
      oldName: closing.get(code)?.name ?? list[0]?.oldName ?? '',
      successors: list.map((r) => ({ code: r.newCode, name: r.newName })),
      designated,
      defaulted: chosen === undefined,
    });
  }
  for (const [code, chosen] of Object.entries(input.designations ?? {})) {
    const list = successorsOf.get(code);
    if (list?.length === 1 && list[0]?.newCode !== chosen) {
      problems.push({
        code,
        message: `Chỉ định đơn vị kế thừa cho ${code} (${chosen}), nhưng ${code} chỉ sáp nhập vào ${list[0]?.newCode}.`,
      });
    }
    if (!list)
      problems.push({
        code,
        message: `Chỉ định đơn vị kế thừa cho mã ${code}, mã này không có trong bản đồ.`,
      });
  }
  if (problems.length > 0) refuseMap(problems);

  // ---- the new tree. Levels left without open units end (the districts in 2025).
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

  const tree = new Map<string, { parent: string | null; sortOrder: number }>();
  for (const u of open) {
    if (survives.get(u.id))
      tree.set(`u:${u.id}`, {
        parent: u.parentId === null ? null : `u:${u.parentId}`,
        sortOrder: u.sortOrder,
      });
  }
  // A created parent sits under the nearest surviving ancestor of the units it takes in, or at the top.
  const lowestCommon = <T>(paths: T[][]): T[] => {
    const first = paths[0] ?? [];
    let n = first.length;
    for (const p of paths) {
      let i = 0;
      while (i < n && p[i] === first[i]) i++;
      n = i;
    }
    return first.slice(0, n);
  };
  const prevPath = (id: number): number[] => {
    const path: number[] = [];
    for (let u = byId.get(id); u; u = u.parentId === null ? undefined : byId.get(u.parentId))
      path.unshift(u.id);
    return path;
  };
  for (const p of createdParents.values()) {
    const olds = rows
      .filter((r) => parentKeyOf.get(r.newCode) === `p:${p.code}`)
      .map((r) => closing.get(r.oldCode)?.id as number);
    const anc = lowestCommon(olds.map(prevPath)).filter((id) => survives.get(id));
    const at = anc[anc.length - 1];
    tree.set(`p:${p.code}`, { parent: at === undefined ? null : `u:${at}`, sortOrder: 0 });
  }
  for (const [code, r] of newUnits) {
    const first = closing.get(r.oldCode);
    tree.set(`n:${code}`, { parent: parentKeyOf.get(code) ?? null, sortOrder: first?.sortOrder ?? 0 });
  }
  // Units of one type are not nested: a new parent of the same type as the unit it would sit under
  // (the new Tỉnh Lâm Đồng under the old Tỉnh Bình Thuận) replaces that unit, which ends; the units
  // left under it (the directly attached unions) move to the new parent.
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
  for (const p of createdParents.values()) {
    const holderKey = tree.get(`p:${p.code}`)?.parent;
    const holder = holderKey ? byId.get(Number(holderKey.slice(2))) : undefined;
    if (!holder || holder.parentId !== null || replacedBy.has(holder.id) || !p.type) continue;
    warnings.push({
      code: p.code,
      message: `Đơn vị cấp trên mới ${p.code} (${p.name ?? 'chưa đặt tên'}, loại ${p.type}) sẽ nằm dưới ${holder.name}, và ${holder.name} vẫn là đơn vị gốc. Nếu ${p.code} thay ${holder.name}, hãy chọn loại “${holder.type}”.`,
    });
  }
  const roots = [...tree].filter(([, v]) => v.parent === null);
  if (roots.length !== 1) {
    refuseMap([{ message: `Sau khi áp dụng, cơ cấu mới có ${roots.length} đơn vị gốc; cần đúng một.` }]);
  }
  const livePath = new Map<string, string[]>();
  const pathOfKey = (key: string): string[] => {
    const known = livePath.get(key);
    if (known) return known;
    const parent = tree.get(key)?.parent ?? null;
    const path = [...(parent ? pathOfKey(parent) : []), key];
    livePath.set(key, path);
    return path;
  };

  // Attribution: a closed unit's results go to its designated successor; an ended level's to its heir,
  // the lowest unit of the new tree that holds everything its units went to.
  const attribution = new Map<number, string>();
  for (const u of closing.values()) attribution.set(u.id, `n:${designatedOf.get(u.code)}`);
  for (const [id, key] of replacedBy) attribution.set(id, key);
  for (const u of [...ended].sort((a, b) => b.depth - a.depth)) {
    const targets = (childrenOf.get(u.id) ?? []).map((k) => attribution.get(k.id) ?? `u:${k.id}`);
    const common = lowestCommon(targets.map(pathOfKey));
    attribution.set(u.id, common[common.length - 1] ?? (roots[0]?.[0] as string));
  }
  // Units closed by earlier reorganisations follow the unit they were attributed to.
  const attributedTo = (id: number): string => {
    const a = attribution.get(id);
    if (a) return a;
    const u = byId.get(id);
    if (u && survives.get(id)) return `u:${id}`;
    if (!u || u.parentId === null) return roots[0]?.[0] as string;
    return attributedTo(u.parentId);
  };
  const earlier = units.filter((u) => u.validTo !== null);
  for (const u of earlier)
    attribution.set(u.id, u.parentId === null ? (roots[0]?.[0] as string) : attributedTo(u.parentId));

  // ---- describe it
  const label = (key: string): { code: string; name: string } => {
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
  const created: Internal['created'] = [
    ...[...createdParents.values()].map((p) => ({
      key: `p:${p.code}`,
      id: null,
      code: p.code,
      name: p.name ?? '',
      type: p.type,
      isGrassroots: false,
    })),
    ...[...newUnits.values()].map((r) => ({
      key: `n:${r.newCode}`,
      id: null,
      code: r.newCode,
      name: r.newName,
      type: typeFromName(r.newName),
      // A commune formed from grassroots unions is one too.
      isGrassroots: rows.some((x) => x.newCode === r.newCode && closing.get(x.oldCode)?.isGrassroots === 1),
    })),
  ];
  const successions: Internal['successions'] = [
    ...rows.map((r) => ({
      oldId: closing.get(r.oldCode)?.id as number,
      newKey: `n:${r.newCode}`,
      kind: r.kind,
      designated: r.kind === 'full' || designatedOf.get(r.oldCode) === r.newCode,
    })),
    ...[...ended, ...replaced].map((u) => ({
      oldId: u.id,
      newKey: attribution.get(u.id) as string,
      kind: 'full' as const,
      designated: true,
    })),
  ];

  // Role scopes move with the results, except from an ended level other than the root: moving a
  // district's approver to the new province would widen their scope, so those wait for an admin.
  const closedIds = [...closingIds, ...ended.map((u) => u.id), ...replaced.map((u) => u.id)];
  const idList = closedIds.length ? sql.raw(closedIds.join(',')) : sql.raw('-1');
  const roleRows = db.all<{ id: number; userId: number; username: string; role: string; unitId: number }>(sql`
    SELECT r.id, r.user_id AS userId, u.username, r.role, r.unit_id AS unitId
    FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.unit_id IN (${idList}) ORDER BY r.id`);
  const roleMoves: Internal['roleMoves'] = [];
  const roles: ReorganisationPlan['roles'] = roleRows.map((r) => {
    const from = byId.get(r.unitId) as UnitInfo;
    const movable = closingIds.has(r.unitId) || replacedBy.has(r.unitId) || from.parentId === null;
    const toKey = movable ? (attribution.get(r.unitId) as string) : null;
    if (toKey) roleMoves.push({ assignmentId: r.id, toKey });
    const to = toKey ? label(toKey) : null;
    return {
      userId: r.userId,
      username: r.username,
      role: r.role,
      fromCode: from.code,
      fromName: from.name,
      toCode: to?.code ?? null,
      toName: to?.name ?? null,
    };
  });

  // Allocations of units the map closes are summed to their designated successor. A level that ended
  // (districts) has no successor at its level: its allocations stay with it, in the old structure.
  const closingList = closingIds.size ? sql.raw([...closingIds].join(',')) : sql.raw('-1');
  const allocRows = db.all<{
    targetId: number;
    code: string;
    shortName: string;
    unitId: number;
    goal: number;
  }>(sql`
    SELECT a.target_id AS targetId, t.code, t.short_name AS shortName, a.unit_id AS unitId, a.goal
    FROM target_allocations a JOIN targets t ON t.id = a.target_id
    WHERE a.unit_id IN (${closingList}) ORDER BY t.sort_order, t.id, a.unit_id`);
  const allocations = new Map<string, ReorganisationPlan['allocations'][number] & { toKey: string }>();
  for (const a of allocRows) {
    const toKey = attribution.get(a.unitId) as string;
    const key = `${a.targetId}|${toKey}`;
    const from = byId.get(a.unitId) as UnitInfo;
    const entry = allocations.get(key) ?? {
      targetId: a.targetId,
      targetCode: a.code,
      targetName: a.shortName,
      from: [],
      toCode: label(toKey).code,
      toName: label(toKey).name,
      goal: 0,
      toKey,
    };
    entry.from.push({ code: from.code, name: from.name, goal: a.goal });
    entry.goal += a.goal;
    allocations.set(key, entry);
  }

  const attributed = [...closing.values(), ...ended, ...replaced, ...earlier].length;
  const publicPlan: ReorganisationPlan = {
    hash,
    effectiveDate: date,
    alreadyApplied: null,
    previousVersion: { id: previous.id, name: previous.name, validFrom: previous.validFrom },
    newVersionName: `Cơ cấu từ ${formatDate(date)}`,
    closes: [
      ...[...closing.values()].map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        reason: 'map' as const,
        attributedTo: label(attribution.get(u.id) as string).name,
      })),
      ...[...ended, ...replaced].map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        reason: replacedBy.has(u.id) ? ('replaced' as const) : ('level_ended' as const),
        attributedTo: label(attribution.get(u.id) as string).name,
      })),
    ],
    opens: [...newUnits.values()].map((r) => {
      const parent = label(parentKeyOf.get(r.newCode) as string);
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
      const old = byId.get(s.oldId) as UnitInfo;
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
    partials,
    placements: {
      carried: open.filter((u) => survives.get(u.id)).length,
      opened: newUnits.size + createdParents.size,
      attributed,
      total: tree.size + attributed,
    },
    allocations: [...allocations.values()].map(({ toKey: _, ...a }) => a),
    roles,
    warnings,
  };
  return {
    plan: publicPlan,
    rows,
    previousId: previous.id,
    created,
    tree,
    closedIds,
    attribution,
    successions,
    roleMoves,
    allocationSums: [...allocations.values()].map((a) => ({
      targetId: a.targetId,
      toKey: a.toKey,
      goal: a.goal,
    })),
  };
}

function emptyPlan(
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

/** What applying the map would do; nothing is written. */
export function previewReorganisation(
  db: DbOrTx,
  actor: Actor | 'system',
  input: ReorganiseInput,
): ReorganisationPlan {
  return plan(db, actor, input).plan;
}

/**
 * Apply the map in one transaction: close, open, link, place, re-base, move scopes, build roll-ups,
 * record (audit). The same map again is a successful no-op.
 */
export function applyReorganisation(
  db: Db,
  actor: Actor | 'system',
  input: ReorganiseInput,
): ReorganisationResult {
  return db.transaction((tx) => {
    const p = plan(tx, actor, input);
    if (p.plan.alreadyApplied) {
      const { structureVersionId } = p.plan.alreadyApplied;
      const corrected = input.designations
        ? correctDesignations(
            tx,
            { effectiveDate: p.plan.effectiveDate, structureVersionId, designations: input.designations },
            actor === 'system' ? null : actor.id,
          )
        : [];
      const plan = corrected.length
        ? { ...p.plan, partials: appliedPartials(tx, p.plan.effectiveDate) }
        : p.plan;
      return { applied: false, structureVersionId, plan, corrected };
    }
    const missing = p.plan.createdParents.flatMap((c) => [
      ...(c.name
        ? []
        : [{ code: c.code, message: `Cần tên cho đơn vị cấp trên mới mã ${c.code} (chưa có trong cây).` }]),
      ...(c.type
        ? []
        : [
            {
              code: c.code,
              message: `Cần chọn loại cho đơn vị cấp trên mới mã ${c.code}${c.name ? ` (tên “${c.name}” không cho biết loại)` : ''}.`,
            },
          ]),
    ]);
    if (missing.length > 0) refuseMap(missing);
    const date = p.plan.effectiveDate;
    const ids = new Map<string, number>();
    const insertUnit = stmt<{ id: number }>(
      tx,
      `INSERT INTO units (code, name, type, is_grassroots, valid_from) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    );
    for (const c of p.created) {
      ids.set(
        c.key,
        (insertUnit.get(c.code, c.name, c.type, c.isGrassroots ? 1 : 0, date) as { id: number }).id,
      );
    }
    const idOf = (key: string): number =>
      key.startsWith('u:') ? Number(key.slice(2)) : (ids.get(key) as number);

    const closeUnit = stmt(tx, 'UPDATE units SET valid_to = ? WHERE id = ?');
    for (const id of p.closedIds) closeUnit.run(date, id);
    tx.run(sql`UPDATE structure_versions SET valid_to = ${date} WHERE id = ${p.previousId}`);
    const versionId = (
      tx.get<{ id: number }>(
        sql`INSERT INTO structure_versions (name, valid_from) VALUES (${p.plan.newVersionName}, ${date}) RETURNING id`,
      ) as { id: number }
    ).id;

    // Placements: the live tree first (parents before children), then every closed unit as a leaf
    // under the unit it is attributed to. Sort orders are renumbered per parent, keeping the old order.
    const place = stmt(
      tx,
      'INSERT INTO placements (structure_version_id, unit_id, parent_id, path, depth, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const paths = new Map<number, string>();
    const children = new Map<string | null, string[]>();
    for (const [key, v] of p.tree) children.set(v.parent, [...(children.get(v.parent) ?? []), key]);
    const walk = (parentKey: string | null) => {
      const kids = (children.get(parentKey) ?? []).sort(
        (a, b) => (p.tree.get(a)?.sortOrder ?? 0) - (p.tree.get(b)?.sortOrder ?? 0) || idOf(a) - idOf(b),
      );
      kids.forEach((key, i) => {
        const id = idOf(key);
        const parentId = parentKey === null ? null : idOf(parentKey);
        const path = `${parentId === null ? '/' : paths.get(parentId)}${id}/`;
        paths.set(id, path);
        place.run(versionId, id, parentId, path, path.split('/').length - 3, i);
        walk(key);
      });
    };
    walk(null);
    const counts = new Map<number, number>();
    for (const [unitId, key] of [...p.attribution].sort((a, b) => a[0] - b[0])) {
      const parentId = idOf(key);
      const n = (counts.get(parentId) ?? 1000) + 1;
      counts.set(parentId, n);
      const path = `${paths.get(parentId)}${unitId}/`;
      place.run(versionId, unitId, parentId, path, path.split('/').length - 3, n);
    }

    const link = stmt(
      tx,
      'INSERT INTO unit_successions (predecessor_id, successor_id, effective_date, kind, designated) VALUES (?, ?, ?, ?, ?)',
    );
    for (const s of p.successions) link.run(s.oldId, idOf(s.newKey), date, s.kind, s.designated ? 1 : 0);

    // Earlier structures get the new units too, under their predecessors' common parent, so every
    // structure gives the same totals at every date (docs/decisions/0017).
    for (const c of p.created) {
      const predecessors = p.successions.filter((s) => s.newKey === c.key).map((s) => s.oldId);
      placeInEveryVersion(tx, idOf(c.key), (v) =>
        predecessors.map((id) => parentPathIn(tx, v, id)).filter((x): x is string => x !== null),
      );
    }

    // A user with the same role on two merged units ends with one assignment on the successor.
    const moveRole = stmt(tx, 'UPDATE OR IGNORE role_assignments SET unit_id = ? WHERE id = ?');
    const dropRole = stmt(tx, 'DELETE FROM role_assignments WHERE id = ? AND unit_id <> ?');
    for (const m of p.roleMoves) {
      moveRole.run(idOf(m.toKey), m.assignmentId);
      dropRole.run(m.assignmentId, idOf(m.toKey));
    }
    // A term adopted by a unit that closes is carried by the unit it went to (Tỉnh Bình Thuận's
    // resolution by Tỉnh Lâm Đồng): its targets are then managed, allocated and viewed there.
    const terms = tx.all<{ id: number; ownerUnitId: number }>(
      sql`SELECT id, owner_unit_id AS ownerUnitId FROM terms`,
    );
    for (const term of terms) {
      const heir = p.attribution.get(term.ownerUnitId);
      if (heir === undefined) continue;
      const ownerUnitId = idOf(heir);
      tx.run(sql`UPDATE terms SET owner_unit_id = ${ownerUnitId} WHERE id = ${term.id}`);
      tx.run(sql`INSERT INTO audit_events (user_id, entity, entity_id, action, before, after)
        VALUES (${actor === 'system' ? null : actor.id}, 'term', ${String(term.id)}, 'update',
                ${JSON.stringify({ ownerUnitId: term.ownerUnitId })}, ${JSON.stringify({ ownerUnitId })})`);
    }
    // Old allocations stay (the old structure still shows them); the successor gets their sum.
    const allocate = stmt(
      tx,
      `INSERT INTO target_allocations (target_id, unit_id, goal) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET goal = goal + excluded.goal`,
    );
    for (const a of p.allocationSums) allocate.run(a.targetId, idOf(a.toKey), a.goal);

    // All versions: closing units takes their standing reports out of every structure they sit in.
    rebuildRollups(tx);
    const userId = actor === 'system' ? null : actor.id;
    tx.run(sql`INSERT INTO audit_events (user_id, entity, entity_id, action, after)
      VALUES (${userId}, ${AUDIT_ENTITY}, ${p.plan.hash}, 'apply', ${JSON.stringify({
        effectiveDate: date,
        structureVersionId: versionId,
        previousVersionId: p.previousId,
        rows: p.rows.map(({ line: _, ...r }) => r),
        designations: Object.fromEntries(p.plan.partials.map((x) => [x.oldCode, x.designated])),
        closed: p.closedIds.length,
        opened: p.created.length,
        rolesMoved: p.roleMoves.length,
        allocations: p.allocationSums.length,
      })})`);
    bumpRevision(tx);
    return { applied: true, structureVersionId: versionId, plan: p.plan, corrected: [] };
  });
}

/**
 * The unit that stands for `unitId` in a structure version: itself, or, if it had closed when the
 * version began (Tỉnh Bình Thuận in the 2025 structure), its designated successor, followed on.
 * Views that open on a default unit (the term's owner) open on the successor instead.
 */
/**
 * The unit that stands for `unitId` in a structure version, both ways: a unit that had closed when
 * the version began stands as its designated successor (successorIn); a unit formed after the
 * version ended (Tỉnh Lâm Đồng, viewed in the 2021 structure) stands as the predecessor it
 * replaced there, if one is placed in it. Otherwise the unit itself.
 */
export function standInFor(db: DbOrTx, versionId: number, unitId: number): number {
  const forward = successorIn(db, versionId, unitId);
  if (forward !== unitId) return forward;
  const back = stmt<{ id: number }>(
    db,
    // Of several predecessors, the one that gave the new unit its code (Phú Thủy in Phú Thủy + Phú Hài).
    `SELECT s.predecessor_id AS id FROM units u
     JOIN structure_versions v ON v.id = ?
     JOIN unit_successions s ON s.successor_id = u.id
     JOIN units pu ON pu.id = s.predecessor_id
     JOIN placements p ON p.structure_version_id = v.id AND p.unit_id = s.predecessor_id
     WHERE u.id = ? AND v.valid_to IS NOT NULL AND u.valid_from >= v.valid_to
     ORDER BY pu.code = u.code DESC, pu.name = u.name DESC, s.designated DESC, p.depth, s.predecessor_id LIMIT 1`,
  );
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const row = back.get(versionId, id);
    if (!row) return id;
    id = row.id;
  }
  return id;
}

export function successorIn(db: DbOrTx, versionId: number, unitId: number): number {
  const next = stmt<{ id: number }>(
    db,
    `SELECT s.successor_id AS id FROM units u
     JOIN structure_versions v ON v.id = ?
     JOIN unit_successions s ON s.predecessor_id = u.id AND s.designated = 1
     JOIN placements p ON p.structure_version_id = v.id AND p.unit_id = s.successor_id
     WHERE u.id = ? AND u.valid_to IS NOT NULL AND u.valid_to <= v.valid_from
     ORDER BY s.effective_date, s.successor_id LIMIT 1`,
  );
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const row = next.get(versionId, id);
    if (!row) return id;
    id = row.id;
  }
  return id;
}
