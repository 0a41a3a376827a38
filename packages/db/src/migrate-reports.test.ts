/**
 * Migration 0004 (report settings per unit) on a database written before it: the term's settings
 * become its own unit's with their content, the letterhead and the number are split the Decree 30
 * way, and issued reports get their unit, number and date from their snapshot.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate.ts';
import { listIssuedReports } from './reports/issued.ts';
import { getReportSettings } from './reports/settings.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The migrations folder as it was before 0004. */
function foldersBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-migrations-'));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migration 0006: report settings per unit', () => {
  it('keeps the province report and its issued versions, split the Decree 30 way', () => {
    const db = openDatabase(':memory:');
    migrate(db, { migrationsFolder: foldersBefore('0006_reports_per_unit') });
    const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);
    run(`INSERT INTO app_meta (key, value) VALUES ('organisation', 'Hội Liên hiệp Phụ nữ tỉnh Bình Thuận')`);
    run(`INSERT INTO units (id, code, name, type, valid_from) VALUES (1, '60', 'Tỉnh Bình Thuận', 'Tỉnh', '2021-01-01'),
         (2, '593', 'Thành phố Phan Thiết', 'Thành phố', '2021-01-01')`);
    run(`INSERT INTO terms (id, code, name, short_name, owner_unit_id, start_date, mid_term_date, end_date)
         VALUES (1, 'BT-XV', 'Đại hội XV', 'XV', 1, '2021-12-15', '2024-06-30', '2026-12-31')`);
    run(
      `INSERT INTO reports (id, term_id, kind, issuing_body, document_number, place, report_date, as_of, title,
                            signer_title, signer_name, recipients, version)
       VALUES (1, 1, 'mid_term', ?, '45-BC/HPN', 'Phan Thiết', '2024-07-10', '2024-06-30', 'BÁO CÁO Sơ kết',
               '["TM. BAN THƯỜNG VỤ","CHỦ TỊCH"]', 'Nguyễn Thị A', '["Lưu: VT."]', 3),
              (2, 1, 'yearly', '["BAN THƯỜNG VỤ"]', 'Số: 7/BC-HPN', '', NULL, '2024-06-30', 'BÁO CÁO năm',
               '[]', '', '[]', 1)`,
      JSON.stringify(['HỘI LHPN TỈNH BÌNH THUẬN', 'BAN THƯỜNG VỤ']),
    );
    run(`INSERT INTO report_sections (report_id, key, title, body, sort_order)
         VALUES (1, 'ket_qua', 'Kết quả đạt được', 'Nội dung cũ.', 0)`);
    const snapshot = (unitId: number, asOf: string) =>
      JSON.stringify({
        format: 1,
        scope: {
          unitId,
          unitName: unitId === 1 ? 'Tỉnh Bình Thuận' : 'Thành phố Phan Thiết',
          asOf,
          basis: 'approved',
          structureVersionId: 1,
        },
        headline: { done: 7, counted: 8 },
        figures: [],
        settings: { documentNumber: '45-BC/HPN', reportDate: '2024-07-10', title: 'BÁO CÁO Sơ kết' },
      });
    // Issued before numbers were checked: the province twice under 45, Phan Thiết under the province's 45.
    run(
      `INSERT INTO issued_reports (id, report_id, issued_at, snapshot, docx) VALUES
         (1, 1, '2024-07-10T01:00:00.000Z', ?, x'504b'), (2, 1, '2024-07-11T01:00:00.000Z', ?, x'504b'),
         (3, 1, '2025-01-10T01:00:00.000Z', ?, x'504b')`,
      snapshot(1, '2024-06-30'),
      snapshot(1, '2024-06-30'),
      snapshot(2, '2024-12-31'),
    );

    migrateDatabase(db);

    const province = getReportSettings(db, 1, 'mid_term');
    expect(province).toMatchObject({
      unitId: 1,
      stored: true,
      version: 3,
      parentBody: ['HỘI LHPN TỈNH BÌNH THUẬN'],
      issuingBody: ['BAN THƯỜNG VỤ'],
      motto: true,
      documentNumber: '45',
      documentSymbol: 'BC-HPN',
      place: 'Phan Thiết',
      reportDate: '2024-07-10',
      signerName: 'Nguyễn Thị A',
    });
    expect(province.sections[0]?.body).toBe('Nội dung cũ.');
    expect(getReportSettings(db, 1, 'yearly')).toMatchObject({
      parentBody: [],
      issuingBody: ['BAN THƯỜNG VỤ'],
      documentNumber: '7',
      documentSymbol: 'BC-HPN',
    });
    // Phan Thiết had no settings of its own: it gets its defaults now.
    expect(getReportSettings(db, 1, 'mid_term', 2)).toMatchObject({ stored: false, documentNumber: '' });

    const issued = listIssuedReports(db, 'system', 1, 'mid_term');
    expect(issued.map((x) => [x.id, x.scope.unitId, x.documentNumber, x.documentDate])).toEqual([
      [3, 2, '45-BC/HPN', '2024-07-10'],
      [2, 1, '45-BC/HPN', '2024-07-10'],
      [1, 1, '45-BC/HPN', '2024-07-10'],
    ]);
    const numbers = db.$client.prepare('SELECT id, number_value AS n FROM issued_reports ORDER BY id').all();
    // Only the first of the province's two "45" holds the number; Phan Thiết's register is its own.
    expect(numbers).toEqual([
      { id: 1, n: 45 },
      { id: 2, n: null },
      { id: 3, n: 45 },
    ]);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
  });
});
