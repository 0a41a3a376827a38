/** Creating, editing, moving and closing one unit (docs/decisions/0010). */
import {
  assertCleanText,
  conflict,
  defaultGrassroots,
  invalid,
  periodName,
  UNIT_CODE_PATTERN,
} from '@chitieu/core';
import type { Actor } from '../access.ts';
import { authorize } from '../access.ts';
import type { Db, DbOrTx } from '../client.ts';
import { versionAt } from '../figures/scope.ts';
import { placementOf } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import { keepingLevels, rebuildRollups } from '../rollup.ts';
import { auditEvents, placements, units } from '../schema.ts';
import { inTransaction, stmt } from '../statements.ts';
import { placeInEveryVersion } from '../units.ts';
import { isOpen, type PlacedRow, placed, unitVersion } from './placed-units.ts';

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
  return inTransaction(db, (tx) => {
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
  return inTransaction(db, (tx) => {
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
  return inTransaction(db, (tx) => {
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
  return inTransaction(db, (tx) => {
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
