/** A tree file: preview it, apply it all or nothing, and export the tree in the same format (docs/decisions/0010). */
import {
  defaultGrassroots,
  forbidden,
  formatDate,
  invalid,
  textProblem,
  UNIT_CODE_PATTERN,
} from '@chitieu/core';
import type { Actor } from '../access.ts';
import { can } from '../access.ts';
import type { Db, DbOrTx } from '../client.ts';
import { versionAt } from '../figures/scope.ts';
import { getUnit, placementOf } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import { found } from '../rows.ts';
import { auditEvents, placements, units } from '../schema.ts';
import { inTransaction, stmt } from '../statements.ts';
import { placeInEveryVersion } from '../units.ts';
import { isOpen, PLACED, type PlacedRow } from './placed-units.ts';
import { adminUnitTree } from './units.ts';

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
      const next: string = found(news.get(code), `the new row ${code}`).parentCode;
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
  return inTransaction(db, (tx) => {
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
      found(
        stmt<{ v: string }>(tx, 'SELECT valid_from AS v FROM structure_versions WHERE id = ?').get(versionId),
        `structure version ${versionId}`,
      ).v;
    const known = new Map<string, { id: number; path: string; depth: number }>();
    for (const r of stmt<PlacedRow>(tx, PLACED).all(versionId))
      if (isOpen(r.validTo, today)) known.set(r.code, r);
    const pending = preview.rows.filter((r) => r.action === 'create');
    const order = new Map<number, number>();
    // Parents first: each pass places the rows whose parent is already placed (the file may list children first).
    while (pending.length > 0) {
      const ready = pending.filter((r) => known.has(r.parentCode));
      for (const r of ready) {
        const parent = found(known.get(r.parentCode), `the placed parent ${r.parentCode}`);
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
