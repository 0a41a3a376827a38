/**
 * Administering the unit tree (docs/decisions/0010-setting-up-an-organisation.md): create, rename,
 * move, close, mark grassroots, import and export. Every change works on the structure version in
 * force today, is authorised here (the admin's subtree), runs in one transaction and is audited.
 *
 * Units carry no version column: an edit carries a short hash of what the admin saw (`version`),
 * and a different hash now means someone changed the unit meanwhile (409).
 */
import { createHash } from 'node:crypto';
import {
  assertCleanText,
  conflict,
  defaultGrassroots,
  forbidden,
  formatDate,
  invalid,
  periodName,
  textProblem,
  UNIT_CODE_PATTERN,
} from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { Actor } from './access.ts';
import { authorize, can } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { versionAt } from './figures/scope.ts';
import { getUnit, placementOf } from './lookups.ts';
import { bumpRevision } from './revision.ts';
import { keepingLevels, rebuildRollups } from './rollup.ts';
import { auditEvents, placements, units } from './schema.ts';
import { stmt } from './statements.ts';
import { moveTreeStart, placeInEveryVersion, treeStart } from './units.ts';

export interface AdminUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: boolean;
  validFrom: string;
  validTo: string | null;
  parentId: number | null;
  depth: number;
  /** Open children in this structure version (a unit with open children cannot be closed). */
  openChildren: number;
  /** What the admin saw; an edit sends it back (see the file comment). */
  version: string;
}

interface PlacedRow {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: number;
  validFrom: string;
  validTo: string | null;
  parentId: number | null;
  path: string;
  depth: number;
  sortOrder: number;
}

const PLACED = `
  SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, u.valid_from AS validFrom,
         u.valid_to AS validTo, p.parent_id AS parentId, p.path, p.depth, p.sort_order AS sortOrder
  FROM placements p JOIN units u ON u.id = p.unit_id
  WHERE p.structure_version_id = ?`;

const isOpen = (validTo: string | null, on: string) => validTo === null || validTo > on;

export function unitVersion(u: Omit<PlacedRow, 'path' | 'depth' | 'sortOrder'>): string {
  const seen = [u.code, u.name, u.type, u.isGrassroots ? 1 : 0, u.validTo ?? '', u.parentId ?? ''].join('|');
  return createHash('sha256').update(seen).digest('hex').slice(0, 12);
}

function placed(db: DbOrTx, versionId: number, unitId: number): PlacedRow {
  const row = stmt<PlacedRow>(db, `${PLACED} AND p.unit_id = ?`).get(versionId, unitId);
  if (!row) throw invalid(`Đơn vị ${getUnit(db, unitId).name} không có trong cơ cấu tổ chức hiện hành.`);
  return row;
}

/** The admin's subtrees as path prefixes in a version. */
function adminPaths(db: DbOrTx, actor: Actor, versionId: number): string[] {
  return actor.roles
    .filter((r) => r.role === 'admin')
    .map((r) => stmt<{ path: string }>(db, `${PLACED} AND p.unit_id = ?`).get(versionId, r.unitId)?.path)
    .filter((p): p is string => p !== undefined);
}

/** Parents before children, siblings in their order: the order of the screen and of the export. */
function inTreeOrder(rows: PlacedRow[]): PlacedRow[] {
  const children = new Map<number | null, PlacedRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const out: PlacedRow[] = [];
  const visit = (parent: number | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    for (const r of list) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

/** The units the actor administers, in the structure version in force `today`, as a tree. */
export function adminUnitTree(db: DbOrTx, actor: Actor, today: string) {
  if (!actor.roles.some((r) => r.role === 'admin')) throw forbidden('Bạn không có quyền quản trị.');
  const versionId = versionAt(db, today);
  const prefixes = adminPaths(db, actor, versionId);
  const rows = stmt<PlacedRow>(db, PLACED)
    .all(versionId)
    .filter((r) => prefixes.some((p) => r.path.startsWith(p)));
  const openChildren = new Map<number, number>();
  for (const r of rows)
    if (r.parentId !== null && isOpen(r.validTo, today))
      openChildren.set(r.parentId, (openChildren.get(r.parentId) ?? 0) + 1);
  const list: AdminUnit[] = inTreeOrder(rows).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    isGrassroots: r.isGrassroots === 1,
    validFrom: r.validFrom,
    validTo: r.validTo,
    parentId: r.parentId,
    depth: r.depth,
    openChildren: openChildren.get(r.id) ?? 0,
    version: unitVersion(r),
  }));
  return { structureVersionId: versionId, start: treeStart(db), units: list };
}

/** An admin of the root moves the tree's start (see moveTreeStart), audited. */
export function setTreeStart(db: Db, actor: Actor, date: string) {
  return db.transaction((tx) => {
    const root = tx.get<{ id: number }>(
      sql`SELECT unit_id AS id FROM placements WHERE parent_id IS NULL ORDER BY structure_version_id DESC LIMIT 1`,
    );
    if (!root) throw invalid('Chưa có cây đơn vị.');
    authorize(tx, actor, 'administer', root.id);
    const moved = moveTreeStart(tx, date);
    if (moved.from !== moved.to) {
      tx.insert(auditEvents)
        .values({
          userId: actor.id,
          entity: 'structure',
          entityId: 'start',
          unitId: null,
          action: 'update',
          before: { validFrom: moved.from },
          after: { validFrom: moved.to },
        })
        .run();
      bumpRevision(tx);
    }
    return treeStart(tx) as { date: string; movable: boolean };
  });
}

function audit(tx: DbOrTx, actor: Actor, unitId: number, action: string, before: unknown, after: unknown) {
  tx.insert(auditEvents)
    .values({ userId: actor.id, entity: 'unit', entityId: String(unitId), unitId, action, before, after })
    .run();
}

function checkCodeFree(tx: DbOrTx, code: string, on: string, exceptId?: number) {
  const other = stmt<{ id: number; name: string }>(
    tx,
    'SELECT id, name FROM units WHERE code = ? AND (valid_to IS NULL OR valid_to > ?) AND id <> ?',
  ).get(code, on, exceptId ?? -1);
  if (other) throw conflict(`Mã “${code}” đang là mã của ${other.name}.`);
}

function checkFields(input: {
  code?: string | undefined;
  name?: string | undefined;
  type?: string | undefined;
}) {
  if (input.code !== undefined && !UNIT_CODE_PATTERN.test(input.code)) {
    throw invalid('Mã đơn vị gồm 1–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
  }
  if (input.name !== undefined && input.name.trim() === '') throw invalid('Tên đơn vị không được để trống.');
  if (input.type !== undefined && input.type.trim() === '') throw invalid('Loại đơn vị không được để trống.');
  assertCleanText('Tên đơn vị', input.name, { field: 'name' });
  assertCleanText('Loại đơn vị', input.type, { field: 'type' });
}

function checkVersion(row: PlacedRow, version: string) {
  if (unitVersion(row) !== version) {
    throw conflict(`${row.name} vừa được người khác thay đổi. Hãy tải lại trang rồi làm lại.`);
  }
}

export interface NewUnit {
  code: string;
  name: string;
  type: string;
  parentId: number;
  isGrassroots?: boolean | undefined;
  validFrom?: string | undefined;
}

export function createUnit(db: Db, actor: Actor, today: string, input: NewUnit) {
  checkFields(input);
  authorize(db, actor, 'administer', input.parentId);
  const validFrom = input.validFrom ?? today;
  return db.transaction((tx) => {
    const versionId = versionAt(tx, today);
    const parent = placed(tx, versionId, input.parentId);
    if (!isOpen(parent.validTo, validFrom))
      throw invalid(`${parent.name} đã giải thể: không thêm đơn vị con được.`);
    if (validFrom < parent.validFrom) {
      throw invalid(
        `Ngày thành lập không được trước ngày thành lập của ${parent.name} (${parent.validFrom}).`,
      );
    }
    checkCodeFree(tx, input.code, validFrom);
    const unit = tx
      .insert(units)
      .values({
        code: input.code,
        name: input.name.trim(),
        type: input.type.trim(),
        isGrassroots: input.isGrassroots ?? defaultGrassroots(input.type),
        validFrom,
      })
      .returning()
      .get();
    const last = stmt<{ n: number | null }>(
      tx,
      'SELECT MAX(sort_order) AS n FROM placements WHERE structure_version_id = ? AND parent_id = ?',
    ).get(versionId, parent.id);
    tx.insert(placements)
      .values({
        structureVersionId: versionId,
        unitId: unit.id,
        parentId: parent.id,
        path: `${parent.path}${unit.id}/`,
        depth: parent.depth + 1,
        sortOrder: (last?.n ?? -1) + 1,
      })
      .run();
    placeInEveryVersion(tx, unit.id, (v) =>
      [placementOf(tx, v, parent.id)?.path].filter((x) => x !== undefined),
    );
    audit(tx, actor, unit.id, 'create', null, { ...unit, parentId: parent.id });
    bumpRevision(tx);
    return unit;
  });
}

export interface UnitEdit {
  version: string;
  code?: string | undefined;
  name?: string | undefined;
  type?: string | undefined;
  isGrassroots?: boolean | undefined;
}

/** Rename, recode, retype or mark grassroots. */
export function updateUnit(db: Db, actor: Actor, today: string, unitId: number, edit: UnitEdit) {
  checkFields(edit);
  authorize(db, actor, 'administer', unitId);
  return db.transaction((tx) => {
    const row = placed(tx, versionAt(tx, today), unitId);
    checkVersion(row, edit.version);
    if (edit.code !== undefined && edit.code !== row.code) checkCodeFree(tx, edit.code, today, unitId);
    if (edit.isGrassroots === false && row.isGrassroots === 1) {
      // Units meeting a rule count grassroots units only: answers of a unit that is not one would
      // count without being expected, and the share could pass 100 %.
      const answered = stmt(
        tx,
        `SELECT 1 FROM results r JOIN indicators i ON i.id = r.indicator_id
         WHERE r.unit_id = ? AND i.measure_type = 'units_meeting' LIMIT 1`,
      ).get(unitId);
      if (answered) {
        throw conflict(
          `${row.name} đã tự đánh giá chỉ số của cơ sở Hội: không bỏ đánh dấu cơ sở Hội được khi còn số liệu đó.`,
        );
      }
    }
    const before = { code: row.code, name: row.name, type: row.type, isGrassroots: row.isGrassroots === 1 };
    const after = {
      code: edit.code ?? before.code,
      name: edit.name?.trim() ?? before.name,
      type: edit.type?.trim() ?? before.type,
      isGrassroots: edit.isGrassroots ?? before.isGrassroots,
    };
    stmt(tx, 'UPDATE units SET code = ?, name = ?, type = ?, is_grassroots = ? WHERE id = ?').run(
      after.code,
      after.name,
      after.type,
      after.isGrassroots ? 1 : 0,
      unitId,
    );
    audit(tx, actor, unitId, 'update', before, after);
    bumpRevision(tx);
    return after;
  });
}

/**
 * Move a unit (with its subtree) under another parent in today's structure version. Refused when the
 * new parent is the unit itself or below it (a cycle), or outside the admin's subtree. Roll-ups
 * follow placements, so they are rebuilt in the same transaction.
 */
export function moveUnit(
  db: Db,
  actor: Actor,
  today: string,
  unitId: number,
  input: { version: string; parentId: number },
) {
  authorize(db, actor, 'administer', unitId);
  authorize(db, actor, 'administer', input.parentId);
  return db.transaction((tx) => {
    const versionId = versionAt(tx, today);
    const row = placed(tx, versionId, unitId);
    checkVersion(row, input.version);
    if (row.parentId === null) throw invalid('Không chuyển được đơn vị gốc của tổ chức.');
    if (input.parentId === unitId) throw invalid(`${row.name} không thể là cấp trên của chính nó.`);
    const parent = placed(tx, versionId, input.parentId);
    if (parent.path.startsWith(row.path)) {
      throw invalid(`Không chuyển được: ${parent.name} đang thuộc ${row.name} (sẽ tạo vòng lặp).`);
    }
    if (!isOpen(parent.validTo, today)) throw invalid(`${parent.name} đã giải thể.`);
    if (parent.id === row.parentId) return { moved: 0 };
    const newPath = `${parent.path}${unitId}/`;
    const delta = parent.depth + 1 - row.depth;
    const last = stmt<{ n: number | null }>(
      tx,
      'SELECT MAX(sort_order) AS n FROM placements WHERE structure_version_id = ? AND parent_id = ?',
    ).get(versionId, parent.id);
    stmt(
      tx,
      'UPDATE placements SET parent_id = ?, sort_order = ? WHERE structure_version_id = ? AND unit_id = ?',
    ).run(parent.id, (last?.n ?? -1) + 1, versionId, unitId);
    // Paths are unique per version: rewrite the subtree's prefix in one statement.
    const moved = stmt(
      tx,
      `UPDATE placements SET path = ? || substr(path, ?), depth = depth + ?
       WHERE structure_version_id = ? AND path >= ? AND path < ? || '~'`,
    ).run(newPath, row.path.length + 1, delta, versionId, row.path, row.path).changes;
    rebuildRollups(tx);
    audit(tx, actor, unitId, 'move', { parentId: row.parentId }, { parentId: parent.id });
    bumpRevision(tx);
    return { moved };
  });
}

/** Close (giải thể) a unit from a date on: refused while it still has open children. */
export function closeUnit(
  db: Db,
  actor: Actor,
  today: string,
  unitId: number,
  input: { version: string; date: string },
) {
  authorize(db, actor, 'administer', unitId);
  return db.transaction((tx) => {
    const versionId = versionAt(tx, today);
    const row = placed(tx, versionId, unitId);
    checkVersion(row, input.version);
    if (row.parentId === null) throw invalid('Không giải thể được đơn vị gốc của tổ chức.');
    if (row.validTo !== null) throw conflict(`${row.name} đã giải thể từ ${row.validTo}.`);
    if (input.date <= row.validFrom) {
      throw invalid(`Ngày giải thể phải sau ngày thành lập của ${row.name} (${row.validFrom}).`);
    }
    const open = stmt<{ n: number }>(
      tx,
      `SELECT COUNT(*) AS n FROM placements p JOIN units u ON u.id = p.unit_id
       WHERE p.structure_version_id = ? AND p.parent_id = ? AND (u.valid_to IS NULL OR u.valid_to > ?)`,
    ).get(versionId, unitId, input.date)?.n;
    if (open) {
      throw conflict(
        `${row.name} còn ${open} đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc giải thể chúng trước.`,
      );
    }
    const later = stmt<{ kind: string; startDate: string }>(
      tx,
      `SELECT p.kind, p.start_date AS startDate FROM results r JOIN periods p ON p.id = r.period_id
       WHERE r.unit_id = ? AND p.end_date >= ? ORDER BY p.end_date LIMIT 1`,
    ).get(unitId, input.date);
    if (later) {
      throw conflict(
        `${row.name} đã có số liệu ${periodName(later)}, sau ngày giải thể: hãy chọn ngày sau kỳ đó hoặc xóa số liệu trước.`,
      );
    }
    // Its standing reports (stock, units meeting) leave every structure's figures from its end on.
    keepingLevels(tx, unitId, undefined, () =>
      stmt(tx, 'UPDATE units SET valid_to = ? WHERE id = ?').run(input.date, unitId),
    );
    audit(tx, actor, unitId, 'close', { validTo: null }, { validTo: input.date });
    bumpRevision(tx);
    return { validTo: input.date };
  });
}

// ---------------------------------------------------------------- import and export

export interface TreeImportRow {
  row: number;
  code: string;
  name: string;
  type: string;
  parentCode: string;
  grassroots: boolean | null;
}

export interface TreeImportPreview {
  /**
   * `match`: the unit is already in the tree under that parent (or, for a unit that has ended, it
   * existed): nothing to do; `create`: a new unit. `note` says what differs in a matched row.
   */
  rows: (TreeImportRow & { action: 'create' | 'match'; isGrassroots: boolean; note?: string })[];
  problems: { row: number; message: string }[];
  created: number;
  /** New units by type, for the summary line ("10 Huyện/Thành phố/Thị xã, 124 xã"). */
  byType: { type: string; count: number }[];
}

/**
 * Check a tree file against the database. How it relates to the existing tree: a row without a
 * parent code must be the organisation's root (matched by code, left as it is); a row whose code
 * is already an open unit under the same parent is matched (nothing to do), and under another
 * parent is a problem (moving is done with "Chuyển"); a code that only an ended unit had is
 * matched to it, never created again; every other row creates a new unit under a parent that is
 * in the file or already exists (open) in today's structure version. So importing the same file
 * twice, or the tree's own export, changes nothing.
 */
export function previewTreeImport(
  db: DbOrTx,
  actor: Actor,
  today: string,
  fileRows: TreeImportRow[],
  fileProblems: { row: number; message: string }[] = [],
): TreeImportPreview {
  if (!actor.roles.some((r) => r.role === 'admin')) throw forbidden('Bạn không có quyền quản trị.');
  const versionId = versionAt(db, today);
  const existing = new Map<string, PlacedRow>();
  for (const r of stmt<PlacedRow>(db, PLACED).all(versionId))
    if (isOpen(r.validTo, today)) existing.set(r.code, r);
  const roots = [...existing.values()].filter((r) => r.parentId === null);
  const byId = new Map([...existing.values()].map((r) => [r.id, r]));
  // Units that have ended, by code (the latest one when a code was reused): matched, never recreated.
  const endedByCode = new Map(
    stmt<{ code: string; name: string; validTo: string }>(
      db,
      'SELECT code, name, valid_to AS validTo FROM units WHERE valid_to IS NOT NULL AND valid_to <= ? ORDER BY valid_to',
    )
      .all(today)
      .map((u) => [u.code, u]),
  );
  const problems = [...fileProblems];
  const problem = (row: number, message: string) => problems.push({ row, message });
  const firstRow = new Map<string, number>();
  const news = new Map<string, TreeImportRow>();
  const out: TreeImportPreview['rows'] = [];
  for (const r of fileRows) {
    if (r.code === '') problem(r.row, 'Thiếu mã đơn vị.');
    else if (!UNIT_CODE_PATTERN.test(r.code)) {
      problem(
        r.row,
        `Mã “${r.code}” không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.`,
      );
    }
    if (r.name === '') problem(r.row, `Đơn vị ${r.code} thiếu tên.`);
    else if (r.name.length > 200) problem(r.row, 'Tên đơn vị dài quá 200 ký tự.');
    const badName = textProblem(`Tên đơn vị ${r.code}`, r.name);
    if (badName) problem(r.row, badName);
    if (r.type === '') problem(r.row, `Đơn vị ${r.code} thiếu loại (Tỉnh, Huyện, Xã…).`);
    const badType = textProblem(`Loại đơn vị ${r.code}`, r.type);
    if (badType) problem(r.row, badType);
    if (r.code !== '' && r.code === r.parentCode)
      problem(r.row, `Đơn vị ${r.code} không thể là cấp trên của chính nó.`);
    const seen = firstRow.get(r.code);
    if (r.code !== '' && seen !== undefined) {
      problem(r.row, `Mã ${r.code} trùng với dòng ${seen}.`);
      continue;
    }
    firstRow.set(r.code, r.row);
    const isGrassroots = r.grassroots ?? defaultGrassroots(r.type);
    if (r.parentCode === '') {
      const root = roots.find((x) => x.code === r.code);
      if (!root) {
        const names = roots.map((x) => `${x.code} (${x.name})`).join(', ');
        problem(
          r.row,
          `Dòng không có mã cấp trên phải là đơn vị gốc của tổ chức (mã ${names}), không phải ${r.code}.`,
        );
      } else if (!can(db, actor, 'administer', root.id)) {
        problem(r.row, `Bạn không có quyền quản trị ${root.name}.`);
      }
      out.push({ ...r, action: 'match', isGrassroots });
      continue;
    }
    const taken = existing.get(r.code);
    if (taken) {
      const parentCode = taken.parentId === null ? '' : byId.get(taken.parentId)?.code;
      if (parentCode !== r.parentCode) {
        problem(
          r.row,
          `Mã ${r.code} (${taken.name}) đã có trong cây, dưới ${parentCode ? `mã ${parentCode}` : 'gốc'} chứ không phải ${r.parentCode}: dùng “Chuyển” để đổi cấp trên.`,
        );
      }
      const differs = [
        taken.name !== r.name ? `tên trong cây: ${taken.name}` : null,
        taken.type !== r.type ? `loại trong cây: ${taken.type}` : null,
      ].filter((x) => x !== null);
      out.push({
        ...r,
        action: 'match',
        isGrassroots: taken.isGrassroots === 1,
        ...(differs.length ? { note: `Đã có; ${differs.join(', ')} (giữ nguyên).` } : {}),
      });
      continue;
    }
    const ended = endedByCode.get(r.code);
    if (ended) {
      out.push({
        ...r,
        action: 'match',
        isGrassroots,
        note: `${ended.name} đã kết thúc hoạt động từ ${formatDate(ended.validTo)}: không tạo lại.`,
      });
      continue;
    }
    news.set(r.code, r);
    out.push({ ...r, action: 'create', isGrassroots });
  }
  // Parents: in the file (a new unit) or already in the tree (and within the admin's subtree).
  for (const r of news.values()) {
    if (r.parentCode === r.code) continue;
    if (news.has(r.parentCode)) continue;
    const parent = existing.get(r.parentCode);
    const matchedRoot = out.some((o) => o.action === 'match' && o.code === r.parentCode);
    if (!parent && !matchedRoot)
      problem(r.row, `Mã cấp trên ${r.parentCode} không có trong tệp hay trong cây đơn vị.`);
    else if (parent && !can(db, actor, 'administer', parent.id)) {
      problem(r.row, `Bạn không có quyền quản trị ${parent.name} (cấp trên của ${r.code}).`);
    }
  }
  // Cycles among new rows: A's parent is B, B's parent is A (no chain ever reaches the tree).
  const reported = new Set<string>();
  for (const start of news.values()) {
    const chain: string[] = [];
    let code: string | undefined = start.code;
    while (code !== undefined && news.has(code) && !chain.includes(code)) {
      chain.push(code);
      const next: string = (news.get(code) as TreeImportRow).parentCode;
      code = next === code ? undefined : next;
    }
    if (code !== undefined && chain.includes(code) && !reported.has(code)) {
      const loop = chain.slice(chain.indexOf(code));
      for (const c of loop) reported.add(c);
      problem(start.row, `Vòng lặp cấp trên: ${[...loop, code].join(' → ')}.`);
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const counts = new Map<string, number>();
  for (const r of out) if (r.action === 'create') counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return {
    rows: out,
    problems,
    created: news.size,
    byType: [...counts].map(([type, count]) => ({ type, count })),
  };
}

/**
 * Apply a tree file: all or nothing. Checked again inside the transaction (the tree may have
 * changed since the preview); any problem refuses the whole file with the list, and nothing is
 * written. New units are valid from `validFrom` (default: the start of today's structure version).
 */
export function applyTreeImport(
  db: Db,
  actor: Actor,
  today: string,
  fileRows: TreeImportRow[],
  fileProblems: { row: number; message: string }[] = [],
  validFrom?: string,
) {
  return db.transaction((tx) => {
    const preview = previewTreeImport(tx, actor, today, fileRows, fileProblems);
    if (preview.problems.length > 0) {
      throw invalid(`Tệp có ${preview.problems.length} lỗi; chưa ghi đơn vị nào.`, {
        problems: preview.problems,
      });
    }
    // The same file again, or the tree's own export: nothing to add, and that is not an error.
    if (preview.created === 0) return { created: 0, byType: [] };
    const versionId = versionAt(tx, today);
    const start =
      validFrom ??
      (stmt<{ v: string }>(tx, 'SELECT valid_from AS v FROM structure_versions WHERE id = ?').get(versionId)
        ?.v as string);
    const known = new Map<string, { id: number; path: string; depth: number }>();
    for (const r of stmt<PlacedRow>(tx, PLACED).all(versionId))
      if (isOpen(r.validTo, today)) known.set(r.code, r);
    const pending = preview.rows.filter((r) => r.action === 'create');
    const order = new Map<number, number>();
    // Parents first: each pass places the rows whose parent is already placed (the file may list children first).
    while (pending.length > 0) {
      const ready = pending.filter((r) => known.has(r.parentCode));
      for (const r of ready) {
        const parent = known.get(r.parentCode) as { id: number; path: string; depth: number };
        const unit = tx
          .insert(units)
          .values({
            code: r.code,
            name: r.name,
            type: r.type,
            isGrassroots: r.isGrassroots,
            validFrom: start,
          })
          .returning()
          .get();
        const sortOrder = order.get(parent.id) ?? 0;
        order.set(parent.id, sortOrder + 1);
        const path = `${parent.path}${unit.id}/`;
        tx.insert(placements)
          .values({
            structureVersionId: versionId,
            unitId: unit.id,
            parentId: parent.id,
            path,
            depth: parent.depth + 1,
            sortOrder,
          })
          .run();
        placeInEveryVersion(tx, unit.id, (v) =>
          [placementOf(tx, v, parent.id)?.path].filter((x) => x !== undefined),
        );
        known.set(r.code, { id: unit.id, path, depth: parent.depth + 1 });
        pending.splice(pending.indexOf(r), 1);
      }
      if (ready.length === 0) throw invalid('Không xếp được cây đơn vị từ tệp.');
    }
    const rootId = known.get(preview.rows.find((r) => r.action === 'match')?.code ?? '')?.id ?? null;
    tx.insert(auditEvents)
      .values({
        userId: actor.id,
        entity: 'unit',
        entityId: 'import',
        unitId: rootId,
        action: 'import',
        before: null,
        after: { created: preview.created, byType: preview.byType, validFrom: start },
      })
      .run();
    bumpRevision(tx);
    return { created: preview.created, byType: preview.byType };
  });
}

/** The admin's subtree in today's structure version, open units only, in the import's format. */
export function exportTreeRows(db: DbOrTx, actor: Actor, today: string) {
  const { units: list } = adminUnitTree(db, actor, today);
  const open = list.filter((u) => isOpen(u.validTo, today));
  const codeOf = new Map(list.map((u) => [u.id, u.code]));
  return open.map((u) => ({
    code: u.code,
    name: u.name,
    type: u.type,
    parentCode: u.parentId === null ? '' : (codeOf.get(u.parentId) ?? getUnit(db, u.parentId).code),
    grassroots: u.isGrassroots,
  }));
}
