/** The demo's units: the real 2021 GSO list of Bình Thuận, and the structure version placing them. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbOrTx } from '../client.ts';
import { found } from '../rows.ts';
import * as s from '../schema.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
const UNITS_VALID_FROM = '2021-01-01';
const GRASSROOTS_TYPES = new Set(['Xã', 'Phường', 'Thị trấn']);

export interface CsvUnit {
  code: string;
  name: string;
  type: string;
  parentCode: string;
}

/** Minimal CSV reader for the shared files (no quoted fields in them). */
export function readUnitsCsv(file = join(DATA_DIR, 'units-2021.csv')): CsvUnit[] {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [code = '', name = '', type = '', parentCode = ''] = line.split(',');
    return { code, name, type, parentCode };
  });
}

export function insertUnits(tx: DbOrTx) {
  const csv = readUnitsCsv();
  const unitIdByCode = new Map<string, number>();
  const communeIds: number[] = [];
  /** Index in communeIds of each district's first commune. */
  const firstCommunes = new Map<string, number>();
  for (const u of csv) {
    const id = tx
      .insert(s.units)
      .values({
        code: u.code,
        name: u.name,
        type: u.type,
        isGrassroots: GRASSROOTS_TYPES.has(u.type),
        validFrom: UNITS_VALID_FROM,
      })
      .returning()
      .get().id;
    unitIdByCode.set(u.code, id);
    if (GRASSROOTS_TYPES.has(u.type)) {
      if (!firstCommunes.has(u.parentCode)) firstCommunes.set(u.parentCode, communeIds.length);
      communeIds.push(id);
    }
  }
  const attached: CsvUnit[] = [
    { code: '60-CA', name: 'Hội Phụ nữ Công an tỉnh', type: 'Đơn vị trực thuộc', parentCode: '60' },
    {
      code: '60-QS',
      name: 'Hội Phụ nữ Bộ Chỉ huy Quân sự tỉnh',
      type: 'Đơn vị trực thuộc',
      parentCode: '60',
    },
    {
      code: '60-BP',
      name: 'Hội Phụ nữ Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
      type: 'Đơn vị trực thuộc',
      parentCode: '60',
    },
  ];
  for (const u of attached) {
    unitIdByCode.set(
      u.code,
      tx
        .insert(s.units)
        .values({ code: u.code, name: u.name, type: u.type, validFrom: UNITS_VALID_FROM })
        .returning()
        .get().id,
    );
  }

  const structureVersionId = tx
    .insert(s.structureVersions)
    .values({ name: 'Cơ cấu 2021 (10 huyện, 124 xã)', validFrom: UNITS_VALID_FROM })
    .returning()
    .get().id;
  const pathOf = new Map<string, string>();
  [...csv, ...attached].forEach((u, order) => {
    const id = found(unitIdByCode.get(u.code), `unit ${u.code}`);
    const parentPath = u.parentCode ? found(pathOf.get(u.parentCode), `the path of ${u.parentCode}`) : '/';
    const path = `${parentPath}${id}/`;
    pathOf.set(u.code, path);
    tx.insert(s.placements)
      .values({
        structureVersionId,
        unitId: id,
        parentId: u.parentCode ? found(unitIdByCode.get(u.parentCode), `unit ${u.parentCode}`) : null,
        path,
        depth: path.split('/').length - 3,
        sortOrder: order,
      })
      .run();
  });
  return {
    provinceId: found(unitIdByCode.get('60'), 'the province (60)'),
    unitIdByCode,
    communeIds,
    firstCommunes: [...firstCommunes.values()],
    structureVersionId,
  };
}
