import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter, searchKey, stripForbidden, textProblem } from './text.ts';

describe('characters that cannot go into a file', () => {
  it.each([
    ['\u0001', 0x01],
    ['\u0000', 0x00],
    ['\u001b', 0x1b],
    ['\u007f', 0x7f],
    ['\u0085', 0x85],
    ['\uffff', 0xffff],
    ['\ufffe', 0xfffe],
    ['\ufdd0', 0xfdd0],
    ['\ud83f\udfff', 0x1ffff],
    ['\ud800', 0xd800],
    ['\udc00', 0xdc00],
  ])('refuses %j and says where it is', (bad, codePoint) => {
    expect(findForbiddenCharacter(`Xã A${bad}b`)).toEqual({ position: 5, codePoint });
    expect(textProblem('Tên đơn vị', `Xã A${bad}b`)).toMatch(
      /^Tên đơn vị chứa .*U\+[0-9A-F]{4,5} ở vị trí 5\. /,
    );
  });

  it('allows tab and line breaks only in text of several lines; counts emoji as one character', () => {
    expect(findForbiddenCharacter('a\tb')).toEqual({ position: 2, codePoint: 9 });
    expect(findForbiddenCharacter('a\nb\r\nc\td', { multiline: true })).toBeNull();
    expect(findForbiddenCharacter('😀 👩‍👩‍👧 Việt Nam; 漢字; مرحبا')).toBeNull();
    expect(findForbiddenCharacter('😀\u0001')).toEqual({ position: 2, codePoint: 1 });
    expect(textProblem('Ghi chú', 'Dòng 1\nDòng 2', { multiline: true })).toBeNull();
    expect(textProblem('Tên', 'a\nb')).toContain('ký tự xuống dòng (U+000A) ở vị trí 2');
  });

  it('strips them on output, keeping everything else, composed to NFC', () => {
    expect(stripForbidden('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\uDC00g😀h\r\ni\tj\u0085k\ufdd0l')).toBe(
      'abcdefg😀h\ni\tjkl',
    );
    expect(stripForbidden('Vie\u0323\u0302t')).toBe('Việt');
  });

  it('whatever goes in, nothing forbidden comes out, and clean text is left as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(findForbiddenCharacter(stripForbidden(text), { multiline: true })).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const clean = stripForbidden(text);
        expect(stripForbidden(clean)).toBe(clean);
      }),
    );
  });
});

describe('searchKey', () => {
  it.each([
    ['Phường Phú Thủy', 'phuong phu thuy'],
    ['PHÚ THỦY', 'phu thuy'],
    ['Đức Linh', 'duc linh'],
    // Decomposed input (marks typed separately) folds the same.
    ['Phu\u0301 Thu\u0309y', 'phu thuy'],
    ['  Xã   Tân Hà ', 'xa tan ha'],
  ])('%s → %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});
