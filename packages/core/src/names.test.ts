import { describe, expect, it } from 'vitest';
import { shortUnitName } from './names.ts';

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
