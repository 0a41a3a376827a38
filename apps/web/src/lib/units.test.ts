import { describe, expect, it } from 'vitest';
import { searchUnits, type UnitNode } from './units.ts';

const UNITS: UnitNode[] = [
  { id: 1, name: 'Tỉnh Bình Thuận', parentId: null, depth: 0, code: '60' },
  { id: 2, name: 'Thành phố Phan Thiết', parentId: 1, depth: 1, code: '593' },
  { id: 3, name: 'Phường Phú Thủy', parentId: 2, depth: 2, code: '22924' },
  { id: 4, name: 'Phường Phú Trinh', parentId: 2, depth: 2, code: '22927' },
  { id: 5, name: 'Phường Mũi Né', parentId: 2, depth: 2, code: '22945' },
  { id: 6, name: 'Huyện Hàm Tân', parentId: 1, depth: 1, code: '600' },
  { id: 7, name: 'Xã Tân Hà', parentId: 6, depth: 2, code: '23251' },
  { id: 8, name: 'Huyện Đức Linh', parentId: 1, depth: 1, code: '597' },
  { id: 9, name: 'Xã Tân Hà', parentId: 8, depth: 2, code: '23125' },
];

const names = (query: string) => searchUnits(UNITS, query).map(({ unit }) => unit.id);

describe('searching the unit list', () => {
  it('ignores diacritics and case', () => {
    expect(names('phu thuy')).toEqual([3]);
    expect(names('PHÚ THỦY')).toEqual([3]);
    expect(names('duc linh')).toEqual([8]);
  });

  it('keeps typing going: "Phường Phú T" finds the two Phú wards, not Mũi Né', () => {
    expect(names('Phường Phú T')).toEqual([3, 4]);
    expect(names('phu t')).toEqual([3, 4]);
    expect(names('mui')).toEqual([5]);
  });

  it('finds by code, and tells namesakes apart by their parent', () => {
    expect(names('23125')).toEqual([9]);
    const found = searchUnits(UNITS, 'tan ha');
    expect(found.map(({ unit, parentName }) => [unit.id, parentName])).toEqual([
      [7, 'Huyện Hàm Tân'],
      [9, 'Huyện Đức Linh'],
    ]);
    expect(names('tan ha duc linh')).toEqual([9]);
  });

  it('an empty search finds everything, in tree order', () => {
    expect(names('  ')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
