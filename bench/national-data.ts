/**
 * Stress data at the scale of the whole country before July 2025: 1 nation → 63 provinces →
 * ~700 districts → ~10.400 communes, 40 targets (every measure type), 12 quarters, ~5M results.
 * Built by bulk insert and a roll-up rebuild (the normal write path would take many minutes).
 *   node --import tsx bench/national-data.ts DIR      (writes DIR/chitieu.db)
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURE_TYPES, type MeasureType } from '@chitieu/core';
import {
  createUser,
  hashPasswordSync,
  migrateDatabase,
  openDatabase,
  rebuildRollups,
  setMeta,
} from '@chitieu/db';
import { seededRandom } from '../packages/db/src/seed/split.ts';

export const NATIONAL_VIEWER = { username: 'lanhdao', password: 'benchmark-only' };
/** Corrects approved values in the benchmark's cold-path runs (created by bench/national.ts if missing). */
export const NATIONAL_APPROVER = { username: 'duyet', password: 'benchmark-only' };
const PROVINCES = 63;
const DISTRICTS_PER_PROVINCE = 11;
const COMMUNES_PER_DISTRICT = 15;
const INDICATORS = 40;
const QUARTERS = 12;

export function generateNational(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(join(dir, 'chitieu.db'));
  migrateDatabase(db);
  const sqlite = db.$client;
  const random = seededRandom(63);
  const started = performance.now();
  const lap = (label: string) =>
    console.log(`  ${label.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(1)} s`);

  sqlite.transaction(() => {
    const unit = sqlite.prepare(
      "INSERT INTO units (code, name, type, is_grassroots, valid_from) VALUES (?, ?, ?, ?, '2021-01-01') RETURNING id",
    );
    const place = sqlite.prepare(
      'INSERT INTO placements (structure_version_id, unit_id, parent_id, path, depth, sort_order) VALUES (1, ?, ?, ?, ?, ?)',
    );
    sqlite
      .prepare("INSERT INTO structure_versions (id, name, valid_from) VALUES (1, 'Cả nước', '2021-01-01')")
      .run();
    const add = (
      code: string,
      name: string,
      type: string,
      grassroots: boolean,
      parent: { id: number; path: string } | null,
      order: number,
    ) => {
      const { id } = unit.get(code, name, type, grassroots ? 1 : 0) as { id: number };
      const path = `${parent?.path ?? '/'}${id}/`;
      place.run(id, parent?.id ?? null, path, path.split('/').length - 3, order);
      return { id, path };
    };
    const nation = add('VN', 'Trung ương Hội', 'Trung ương', false, null, 0);
    const communes: number[] = [];
    for (let p = 1; p <= PROVINCES; p++) {
      const province = add(`P${p}`, `Tỉnh ${p}`, 'Tỉnh', false, nation, p);
      for (let d = 1; d <= DISTRICTS_PER_PROVINCE; d++) {
        const district = add(`P${p}D${d}`, `Huyện ${p}.${d}`, 'Huyện', false, province, d);
        for (let c = 1; c <= COMMUNES_PER_DISTRICT; c++) {
          communes.push(add(`P${p}D${d}C${c}`, `Xã ${p}.${d}.${c}`, 'Xã', true, district, c).id);
        }
      }
    }
    lap(`units (${communes.length} communes)`);

    const periodIds: number[] = [];
    const period = sqlite.prepare(
      "INSERT INTO periods (kind, start_date, end_date, deadline) VALUES ('quarter', ?, ?, ?) RETURNING id",
    );
    for (let q = 0; q < QUARTERS; q++) {
      const year = 2022 + Math.floor(q / 4);
      const m = (q % 4) * 3 + 1;
      const start = `${year}-${String(m).padStart(2, '0')}-01`;
      const endMonth = m + 2;
      const end = `${year}-${String(endMonth).padStart(2, '0')}-${endMonth === 3 || endMonth === 12 ? 31 : 30}`;
      periodIds.push((period.get(start, end, end) as { id: number }).id);
    }
    sqlite
      .prepare(`INSERT INTO terms (code, name, short_name, owner_unit_id, start_date, mid_term_date, end_date, default_as_of)
                VALUES ('VN-XIII', 'Đại hội đại biểu Phụ nữ toàn quốc lần thứ XIII (dữ liệu thử tải)', 'Thử tải', ?,
                        '2022-01-01', '2024-06-30', '2026-12-31', '2024-12-31')`)
      .run(nation.id);
    const indicator = sqlite.prepare(
      "INSERT INTO indicators (code, name, measurement_unit, measure_type, decimals, frequency) VALUES (?, ?, ?, ?, ?, 'quarter') RETURNING id",
    );
    const target = sqlite.prepare(
      'INSERT INTO targets (term_id, code, wording, short_name, primary_indicator_id, baseline, goal, sort_order) VALUES (1, ?, ?, ?, ?, ?, ?, ?)',
    );
    const types: MeasureType[] = [];
    for (let i = 0; i < INDICATORS; i++) {
      const type = MEASURE_TYPES[i % MEASURE_TYPES.length] as MeasureType;
      const decimals = type === 'ratio' || type === 'units_meeting' ? 1 : 0;
      const { id } = indicator.get(
        `I${i}`,
        `Chỉ số ${i}`,
        type === 'amount' ? 'đồng' : 'hộ',
        type,
        decimals,
      ) as { id: number };
      const goal = { cumulative: 5_000_000, amount: 9e12, stock: 50_000, ratio: 800, units_meeting: 1000 }[
        type
      ];
      target.run(
        `CT${i + 1}`,
        `Chỉ tiêu thử tải ${i + 1}`,
        `Chỉ tiêu ${i + 1}`,
        id,
        type === 'ratio' ? 600 : 0,
        goal,
        i,
      );
      types.push(type);
    }
    // The overview's charts and the mission pages follow the targets given these missions.
    const missionOf = sqlite.prepare('UPDATE targets SET mission = ? WHERE code = ?');
    missionOf.run('poverty', `CT${types.indexOf('cumulative') + 1}`);
    missionOf.run('rural', `CT${types.indexOf('cumulative', types.indexOf('cumulative') + 1) + 1}`);
    missionOf.run('grassroots', `CT${types.indexOf('units_meeting') + 1}`);

    const result = sqlite.prepare(
      'INSERT INTO results (unit_id, indicator_id, period_id, value, numerator, denominator, meets) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const submission = sqlite.prepare(
      "INSERT INTO submissions (unit_id, period_id, state) VALUES (?, ?, 'approved')",
    );
    for (const unitId of communes) {
      for (const periodId of periodIds) {
        submission.run(unitId, periodId);
        types.forEach((type, i) => {
          const n = Math.floor(random() * 40);
          if (type === 'ratio')
            result.run(unitId, i + 1, periodId, null, n, n + Math.floor(random() * 10), null);
          else if (type === 'units_meeting')
            result.run(unitId, i + 1, periodId, null, null, null, random() < 0.9 ? 1 : 0);
          else result.run(unitId, i + 1, periodId, type === 'amount' ? n * 1_000_000 : n, null, null, null);
        });
      }
    }
    lap(`results (${communes.length * periodIds.length * INDICATORS})`);
    rebuildRollups(db);
    lap('roll-up rebuild');
    createUser(db, {
      username: NATIONAL_VIEWER.username,
      displayName: 'Lãnh đạo (thử tải)',
      passwordHash: hashPasswordSync(NATIONAL_VIEWER.password),
      roles: [{ role: 'viewer', unitId: nation.id }],
    });
    setMeta(db, 'organisation', 'Hội LHPN Việt Nam (dữ liệu thử tải)');
    setMeta(db, 'revision', '1');
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  db.$client.close();
  lap('done');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Dùng: node --import tsx bench/national-data.ts THƯ_MỤC');
    process.exit(2);
  }
  if (existsSync(join(dir, 'chitieu.db'))) console.log(`Ghi đè ${dir}`);
  generateNational(dir);
}
