import type { EntryWorkbook, SheetCell, SheetRow } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './access.ts';
import type { Db } from './client.ts';
import { applyImport, IMPORT_REASON } from './import-apply.ts';
import { previewImport } from './import-preview.ts';
import { entryTemplate, periodLabel } from './import-template.ts';
import { recordResult, setSubmissionState } from './results.ts';
import { getRevision } from './revision.ts';
import { rebuildRollups } from './rollup.ts';
import * as s from './schema.ts';
import { cloneDatabase, demoDatabase, rollupSnapshot } from './testing.ts';

let seeded: ReturnType<typeof demoDatabase>;
let db: Db;
const ids = { termId: 0, phuThuy: 0, phanThiet: 0, h2: 0, h1: 0 };

beforeAll(() => {
  seeded = demoDatabase();
  const unit = (code: string) =>
    seeded.db
      .select()
      .from(s.units)
      .all()
      .find((u) => u.code === code)?.id as number;
  const period = (start: string) =>
    seeded.db
      .select()
      .from(s.periods)
      .all()
      .find((p) => p.startDate === start)?.id as number;
  Object.assign(ids, {
    termId: seeded.termId,
    phuThuy: unit('22924'),
    phanThiet: unit('593'),
    h2: period('2024-07-01'),
    h1: period('2024-01-01'),
  });
});

function fresh() {
  db = cloneDatabase(seeded.db);
  return db;
}

const indicatorId = (code: string) =>
  db
    .select()
    .from(s.indicators)
    .all()
    .find((i) => i.code === code)?.id as number;

function actor(username: string): Actor {
  const user = db
    .select()
    .from(s.users)
    .all()
    .find((u) => u.username === username);
  if (!user) throw new Error(username);
  const roles = db
    .select()
    .from(s.roleAssignments)
    .all()
    .filter((r) => r.userId === user.id)
    .map(({ role, unitId }) => ({ role, unitId }));
  return { id: user.id, roles };
}

type Fields = Partial<Record<'value' | 'numerator' | 'denominator' | 'note' | 'evidenceUrl', string>> & {
  meets?: boolean;
  problem?: { column: 'value' | 'numerator' | 'denominator'; message: string };
};

/** A sheet row as @chitieu/reports reads it, in the template's columns. */
function row(n: number, unitCode: string, indicatorCode: string, f: Fields = {}): SheetRow {
  const cell = (column: string, text: string | undefined | null): SheetCell => ({
    address: `${column}${n}`,
    text: text ?? null,
  });
  const r: SheetRow = {
    row: n,
    unitCode: cell('A', unitCode),
    indicatorCode: cell('D', indicatorCode),
    value: cell('H', f.value),
    numerator: cell('I', f.numerator),
    denominator: cell('J', f.denominator),
    meets: { ...cell('K', f.meets === undefined ? null : f.meets ? 'Có' : 'Không'), flag: f.meets ?? null },
    note: cell('L', f.note),
    evidenceUrl: cell('M', f.evidenceUrl),
  };
  if (f.problem) r[f.problem.column].problem = f.problem.message;
  return r;
}

function book(
  rows: SheetRow[],
  meta: Partial<EntryWorkbook['meta']> = {},
  unitId = ids.phuThuy,
  periodId = ids.h2,
) {
  const workbook: EntryWorkbook = {
    sheet: 'Nhập liệu',
    meta: { termId: ids.termId, unitId, periodId, ...meta },
    rows,
  };
  return { termId: ids.termId, unitId, periodId, workbook };
}

const count = (table: string) => db.get<{ n: number }>(sql.raw(`SELECT COUNT(*) AS n FROM ${table}`))?.n;
const snapshot = () => ({
  results: count('results'),
  submissions: count('submissions'),
  audit: count('audit_events'),
  rollups: count('rollups'),
  revision: getRevision(db),
});
const problemsOf = (input: ReturnType<typeof book>, who = 'nhap.phuthuy') =>
  previewImport(db, actor(who), input).problems.map((p) => `${p.cell}: ${p.message}`);

describe('the fill-in template rows', () => {
  it('lists every indicator of the term for a commune, with the previous half-year beside it', () => {
    fresh();
    const t = entryTemplate(db, actor('nhap.phuthuy'), {
      termId: ids.termId,
      unitId: ids.phuThuy,
      periodId: ids.h2,
    });
    expect(t.period).toMatchObject({
      name: '6 tháng cuối năm 2024',
      label: '6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024)',
      deadline: '2025-01-10',
    });
    expect(t.rows).toHaveLength(12);
    expect(t.rows.map((r) => r.indicator.code)).toContain('HD5LH');
    expect(t.rows.every((r) => r.current === null)).toBe(true);
    expect(t.rows.find((r) => r.indicator.code === 'HD5LH')?.previous?.meets).toBe(true);
  });

  it('covers a district and its communes; the district itself has no yes/no row', () => {
    fresh();
    const t = entryTemplate(db, actor('duyet.phanthiet'), {
      termId: ids.termId,
      unitId: ids.phanThiet,
      periodId: ids.h1,
    });
    const units = [...new Set(t.rows.map((r) => r.unit.code))];
    expect(units).toHaveLength(19);
    expect(units[0]).toBe('593');
    expect(t.rows).toHaveLength(18 * 12 + 11);
    expect(t.rows.some((r) => r.unit.code === '593' && r.indicator.code === 'HD5LH')).toBe(false);
    expect(t.rows.find((r) => r.unit.code === '593' && r.indicator.code === 'HVDANHDU')?.current?.value).toBe(
      28,
    );
  });

  it('is refused for a unit the user may not read', () => {
    fresh();
    expect(() =>
      entryTemplate(db, actor('nhap.phuthuy'), {
        termId: ids.termId,
        unitId: ids.phanThiet,
        periodId: ids.h2,
      }),
    ).toThrow(/không có quyền xem/);
  });

  it('names periods of every kind', () => {
    expect(periodLabel({ kind: 'half', startDate: '2024-01-01', endDate: '2024-06-30' })).toBe(
      '6 tháng đầu năm 2024 (01/01/2024 – 30/06/2024)',
    );
    expect(periodLabel({ kind: 'quarter', startDate: '2024-04-01', endDate: '2024-06-30' })).toBe(
      'Quý II năm 2024 (01/04/2024 – 30/06/2024)',
    );
    expect(periodLabel({ kind: 'year', startDate: '2024-01-01', endDate: '2024-12-31' })).toMatch(
      /^Năm 2024 /,
    );
  });
});

describe('importing a filled template', () => {
  const good = () =>
    book([
      row(7, '22924', 'THOATNGHEO', { value: '3.000', note: 'Chương trình sinh kế' }),
      row(8, '22924', 'NTM_GT', { value: '11,54 tỷ' }),
      row(9, '22924', 'NANNHAN', { numerator: '3', denominator: '4' }),
      row(10, '22924', 'HD5LH', { meets: true, evidenceUrl: 'https://hoi.vn/bb.pdf' }),
      row(11, '22924', 'TO_CDS'),
    ]);

  it('previews the changes with before, after and warnings, writing nothing', () => {
    fresh();
    const before = snapshot();
    const preview = previewImport(db, actor('nhap.phuthuy'), good());
    expect(preview.problems).toEqual([]);
    expect(preview.unchanged).toBe(1);
    expect(preview.changes.map((c) => [c.indicatorCode, c.before, c.afterText])).toEqual([
      ['THOATNGHEO', null, '3.000 hộ'],
      ['NTM_GT', null, '11,54 tỷ đồng'],
      ['NANNHAN', null, '3/4 (75,0%)'],
      ['HD5LH', null, 'Có'],
    ]);
    expect(preview.changes[0]?.after).toEqual({
      value: 3000,
      numerator: null,
      denominator: null,
      meets: null,
    });
    expect(preview.changes[0]?.warnings[0]?.code).toBe('far_above_history');
    expect(snapshot()).toEqual(before);
  });

  it('applies all changes in one go: results, a draft report, audit events with a reason, one revision each', () => {
    fresh();
    const before = snapshot();
    const result = applyImport(db, actor('nhap.phuthuy'), good());
    expect(result).toEqual({ applied: 4, created: 4, updated: 0, unchanged: 1, reportsStarted: 1 });
    const after = snapshot();
    expect(after.results - (before.results ?? 0)).toBe(4);
    expect(after.submissions - (before.submissions ?? 0)).toBe(1);
    expect(after.audit - (before.audit ?? 0)).toBe(4);
    const events = db.all<{ reason: string }>(sql`SELECT reason FROM audit_events ORDER BY id DESC LIMIT 4`);
    expect(events.every((e) => e.reason === IMPORT_REASON)).toBe(true);
    const stored = db
      .select()
      .from(s.results)
      .all()
      .filter((r) => r.unitId === ids.phuThuy && r.periodId === ids.h2);
    expect(stored.map((r) => [r.value, r.numerator, r.denominator, r.meets])).toEqual(
      expect.arrayContaining([
        [3000, null, null, null],
        [11_540_000_000, null, null, null],
        [null, 3, 4, null],
        [null, null, null, true],
      ]),
    );
    // A second upload of the same file changes nothing.
    expect(previewImport(db, actor('nhap.phuthuy'), good())).toMatchObject({ changes: [], unchanged: 5 });
  });

  it('keeps the roll-ups equal to a rebuild once the imported report is submitted', () => {
    fresh();
    applyImport(db, actor('nhap.phuthuy'), good());
    setSubmissionState(db, { unitId: ids.phuThuy, periodId: ids.h2, state: 'submitted' });
    const kept = rollupSnapshot(db);
    rebuildRollups(db);
    expect(rollupSnapshot(db)).toEqual(kept);
  });

  it('reports every bad cell with its address, and writes nothing when asked to apply', () => {
    fresh();
    recordResult(db, {
      unitId: ids.phuThuy,
      indicatorId: indicatorId('THOATNGHEO'),
      periodId: ids.h2,
      value: 7,
    });
    const input = book([
      row(7, '22924', 'THOATNGHEO', { value: '' }),
      row(8, '99999', 'NTM_CT', { value: '1' }),
      row(9, '22921', 'NTM_CT', { value: '1' }),
      row(10, '22924', 'KHONGCO', { value: '1' }),
      row(11, '22924', 'NTM_CT', { value: '12 công trình' }),
      row(12, '22924', 'NTM_CT', { value: '1' }),
      row(13, '22924', 'GD5K3S', { value: '-4' }),
      row(14, '22924', 'HTX', { value: '2,5' }),
      row(15, '22924', 'NANNHAN', { numerator: '9', denominator: '4' }),
      row(16, '22924', 'CBGIOI', { value: '3', numerator: '1' }),
      row(17, '22924', 'CNTT_GIAI', { problem: { column: 'value', message: 'Ô bị lỗi #DIV/0!: hãy sửa.' } }),
      row(18, '22924', 'HVDANHDU', { value: '1', evidenceUrl: 'javascript:alert(1)' }),
      row(19, '22924', 'NGUONLUC', { value: '1,5' }),
    ]);
    expect(problemsOf(input)).toEqual([
      'H7: Không xoá được số liệu đã lưu (7 hộ) bằng tệp. Hãy nhập lại giá trị, hoặc sửa trên bảng nhập liệu.',
      'A8: Không có đơn vị mã “99999”.',
      'A9: Đơn vị “Phường Phú Hài” (mã 22921) không thuộc biểu mẫu của “Phường Phú Thủy”: không nhập được ở đây.',
      'D10: Mã chỉ số “KHONGCO” không có trong các chỉ tiêu của nhiệm kỳ cho kỳ này.',
      'H11: Không phải là số hợp lệ. Ví dụ: 3.000.',
      'A12: Trùng với dòng 11: cùng đơn vị “Phường Phú Thủy” và chỉ số NTM_CT.',
      'H13: Không được nhập số âm.',
      'H14: Chỉ được nhập số nguyên, không có phần thập phân.',
      'I15: Tử số không được lớn hơn mẫu số.',
      'I16: Chỉ số CBGIOI nhập ở cột “Giá trị”; để trống cột “Tử số”.',
      'H17: Ô bị lỗi #DIV/0!: hãy sửa.',
      'M18: Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).',
      'H19: Số tiền phải là số đồng nguyên. Nếu tính theo triệu hoặc tỷ, hãy ghi rõ đơn vị (ví dụ 1,5 triệu).',
    ]);
    const before = snapshot();
    expect(() => applyImport(db, actor('nhap.phuthuy'), input)).toThrow(
      /Tệp có 13 lỗi, chưa ghi số liệu nào/,
    );
    try {
      applyImport(db, actor('nhap.phuthuy'), input);
    } catch (error) {
      expect((error as { details: { problems: unknown[] } }).details.problems).toHaveLength(13);
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses changes to submitted or approved reports, and to units the user may not enter, row by row', () => {
    fresh();
    // Phan Thiết's communes were all approved for 2024-H1 in the demo; submit Phú Hài's 2024-H2.
    const phuHai = db
      .select()
      .from(s.units)
      .all()
      .find((u) => u.code === '22921')?.id as number;
    recordResult(db, { unitId: phuHai, indicatorId: indicatorId('THOATNGHEO'), periodId: ids.h2, value: 1 });
    setSubmissionState(db, { unitId: phuHai, periodId: ids.h2, state: 'submitted' });
    const h1 = previewImport(
      db,
      actor('nhap.phuthuy'),
      book([row(7, '22924', 'THOATNGHEO', { value: '999' })], {}, ids.phuThuy, ids.h1),
    );
    expect(h1.problems[0]?.message).toContain('đã được duyệt');
    const district = (rows: SheetRow[]) => book(rows, {}, ids.phanThiet, ids.h2);
    expect(problemsOf(district([row(7, '22921', 'THOATNGHEO', { value: '2' })]), 'admin')).toEqual([
      'H7: Báo cáo kỳ này của “Phường Phú Hài” đang chờ duyệt: cần được trả lại trước khi sửa.',
    ]);
    // An approver of the district reads it but does not enter figures.
    expect(problemsOf(district([row(7, '22924', 'THOATNGHEO', { value: '2' })]), 'duyet.phanthiet')).toEqual([
      'H7: Bạn không có quyền nhập số liệu cho “Phường Phú Thủy”.',
    ]);
    // Unchanged rows need no right at all: the district's file carries the communes' figures.
    expect(problemsOf(district([row(7, '22921', 'THOATNGHEO', { value: '1' })]), 'duyet.phanthiet')).toEqual(
      [],
    );
  });

  it('refuses a file made for another unit or period, naming both', () => {
    fresh();
    const phuHai = db
      .select()
      .from(s.units)
      .all()
      .find((u) => u.code === '22921')?.id as number;
    expect(() =>
      previewImport(db, actor('nhap.phuthuy'), book([], { unitId: phuHai, periodId: ids.h1 })),
    ).toThrow(
      'Tệp này là biểu mẫu của Phường Phú Hài, 6 tháng đầu năm 2024, không phải của Phường Phú Thủy, 6 tháng cuối năm 2024 đang nhập.',
    );
  });

  it('is all or nothing: a failure while writing the last row undoes the rows before it', () => {
    fresh();
    db.run(sql`CREATE TRIGGER fail_777 BEFORE INSERT ON results WHEN NEW.value = 777
               BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = snapshot();
    const input = book([
      row(7, '22924', 'THOATNGHEO', { value: '1' }),
      row(8, '22924', 'NTM_CT', { value: '2' }),
      row(9, '22924', 'GD5K3S', { value: '777' }),
    ]);
    expect(() => applyImport(db, actor('nhap.phuthuy'), input)).toThrow('disk full');
    expect(snapshot()).toEqual(before);
  });
});
