import { describe, expect, it } from 'vitest';
import { compareVietnamese, shortUnitName } from './names.ts';

describe('shortUnitName', () => {
  it.each([
    ['Thành phố Phan Thiết', 'TP. Phan Thiết'],
    ['Thị xã La Gi', 'TX. La Gi'],
    ['Huyện Hàm Thuận Nam', 'H. Hàm Thuận Nam'],
    ['Thị trấn Liên Hương', 'TT. Liên Hương'],
    ['Phường Mũi Né', 'P. Mũi Né'],
    ['Xã Tân Hà', 'X. Tân Hà'],
    ['Hội Phụ nữ Công an tỉnh', 'HPN Công an tỉnh'],
    ['Đặc khu Phú Quý', 'Đặc khu Phú Quý'],
  ])('%s → %s', (name, short) => {
    expect(shortUnitName(name)).toBe(short);
  });
});

describe('compareVietnamese', () => {
  it('orders names as a Vietnamese reader does: letter by letter (Ái before An), Đ after D', () => {
    const names = ['Xã Đức Hạnh', 'Xã Ái Tử', 'Xã Dân Chủ', 'Xã Bắc Bình', 'Xã An Lạc', 'Xã Bình An'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'Xã Ái Tử',
      'Xã An Lạc',
      'Xã Bắc Bình',
      'Xã Bình An',
      'Xã Dân Chủ',
      'Xã Đức Hạnh',
    ]);
    expect([...names].sort(compareVietnamese)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
  });
});
