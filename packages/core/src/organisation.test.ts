import { describe, expect, it } from 'vitest';
import {
  abbreviateOrganisation,
  defaultPlace,
  documentNumberLine,
  documentNumberValue,
  documentReference,
  letterheadCase,
  organisationStyle,
  unitInSentence,
  unitOrganisationName,
} from './organisation.ts';

const WOMEN = 'Hội Liên hiệp Phụ nữ tỉnh Bình Thuận';

describe('letterhead defaults from the organisation and the unit', () => {
  it('knows Hội LHPN: prefix, symbol, national motto', () => {
    expect(organisationStyle(WOMEN, 'Tỉnh Bình Thuận')).toEqual({
      prefix: 'Hội LHPN',
      symbol: 'HPN',
      motto: true,
    });
    expect(organisationStyle('Hội LHPN tỉnh Lâm Đồng')).toMatchObject({ prefix: 'Hội LHPN', motto: true });
  });

  it('Party committees and the Youth Union start without the motto; others take their prefix from the root', () => {
    expect(organisationStyle('Tỉnh ủy Bình Thuận').motto).toBe(false);
    expect(organisationStyle('Đoàn TNCS Hồ Chí Minh tỉnh Bình Thuận').motto).toBe(false);
    expect(organisationStyle('Hội Nông dân tỉnh Bình Thuận', 'Tỉnh Bình Thuận')).toEqual({
      prefix: 'Hội Nông dân',
      symbol: 'HND',
      motto: true,
    });
    expect(organisationStyle(null)).toEqual({ prefix: '', symbol: 'BC', motto: true });
  });

  it('names the unit: the organisation at the root, the prefix before a district or a ward', () => {
    const style = organisationStyle(WOMEN, 'Tỉnh Bình Thuận');
    const name = (unitName: string, isRoot = false) =>
      letterheadCase(unitOrganisationName(style, { name: unitName }, { isRoot, organisation: WOMEN }));
    expect(name('Tỉnh Bình Thuận', true)).toBe('HỘI LHPN TỈNH BÌNH THUẬN');
    expect(name('Thành phố Phan Thiết')).toBe('HỘI LHPN THÀNH PHỐ PHAN THIẾT');
    expect(name('Phường Phú Thủy')).toBe('HỘI LHPN PHƯỜNG PHÚ THỦY');
    expect(name('Hội Phụ nữ Công an tỉnh')).toBe('HỘI PHỤ NỮ CÔNG AN TỈNH');
    expect(
      unitOrganisationName(style, { name: 'Thành phố Phan Thiết' }, { isRoot: false, organisation: WOMEN }),
    ).toBe('Hội LHPN thành phố Phan Thiết');
    expect(abbreviateOrganisation(WOMEN)).toBe('Hội LHPN tỉnh Bình Thuận');
  });

  it('places and phrases', () => {
    expect(defaultPlace({ name: 'Thành phố Phan Thiết' })).toBe('Phan Thiết');
    expect(defaultPlace({ name: 'Tỉnh Bình Thuận' })).toBe('Bình Thuận');
    expect(defaultPlace({ name: 'Hội Phụ nữ Công an tỉnh' })).toBe('');
    expect(unitInSentence('Thị xã La Gi')).toBe('thị xã La Gi');
    expect(unitInSentence('Hội Phụ nữ Công an tỉnh')).toBe('Hội Phụ nữ Công an tỉnh');
  });
});

describe('document numbers (Decree 30)', () => {
  it('writes "Số: 45/BC-HPN", with room to fill by hand', () => {
    expect(documentNumberLine('45', 'BC-HPN')).toBe('Số: 45/BC-HPN');
    expect(documentNumberLine('', 'BC-HPN')).toBe('Số:      /BC-HPN');
    expect(documentNumberLine('7', '')).toBe('Số: 7');
    expect(documentReference('45', 'BC-HPN')).toBe('45/BC-HPN');
    expect(documentReference('', 'BC-HPN')).toBe('');
  });

  it('compares numbers by value', () => {
    expect(documentNumberValue('045')).toBe(45);
    expect(documentNumberValue('45a')).toBeNull();
    expect(documentNumberValue('')).toBeNull();
  });
});
