import { describe, expect, test } from 'vitest';
import { unitOptions } from '../components/UnitPicker.tsx';
import { entryRoots, homePage, oversightRoots, pagesFor } from './access.ts';
import { defaultPeriod, openPeriods, periodName, periodOption, periodShortName } from './periods.ts';
import { parseViewState, viewStateSearch } from './url-state.ts';

const half = (id: number, start: string, end: string, deadline: string) => ({
  id,
  kind: 'half' as const,
  startDate: start,
  endDate: end,
  deadline,
});
const H1 = half(1, '2024-01-01', '2024-06-30', '2024-07-10');
const H2 = half(2, '2024-07-01', '2024-12-31', '2025-01-10');
const H3 = half(3, '2025-01-01', '2025-06-30', '2025-07-10');

describe('pages by role', () => {
  test('entry staff open on their entry form; anyone with another role too, on the overview', () => {
    expect(homePage([{ role: 'entry', unitId: 7 }])).toBe('entry');
    expect(
      homePage([
        { role: 'entry', unitId: 7 },
        { role: 'entry', unitId: 8 },
      ]),
    ).toBe('entry');
    expect(
      homePage([
        { role: 'entry', unitId: 7 },
        { role: 'viewer', unitId: 1 },
      ]),
    ).toBe('overview');
    expect(homePage([{ role: 'approver', unitId: 7 }])).toBe('overview');
    expect(homePage([])).toBe('overview');
  });

  test('entry for entry staff, approvers and admins; the inbox for approvers and admins; oversight for approvers, admins and viewers; setup for admins and managers', () => {
    const role = (r: string) => [{ role: r, unitId: 7 }];
    expect(pagesFor(role('entry'))).toEqual(['overview', 'entry', 'report']);
    expect(pagesFor(role('approver'))).toEqual([
      'overview',
      'lagging',
      'missions',
      'compare',
      'inbox',
      'entry',
      'cockpit',
      'audit',
      'report',
    ]);
    expect(pagesFor(role('viewer'))).toEqual([
      'overview',
      'lagging',
      'missions',
      'compare',
      'cockpit',
      'audit',
      'report',
    ]);
    expect(pagesFor(role('manager'))).toEqual([
      'overview',
      'lagging',
      'missions',
      'compare',
      'report',
      'terms',
    ]);
    expect(pagesFor(role('admin'))).toEqual([
      'overview',
      'lagging',
      'missions',
      'compare',
      'inbox',
      'entry',
      'cockpit',
      'audit',
      'report',
      'terms',
      'units',
      'users',
      'reorganise',
    ]);
    const mixed = [
      { role: 'viewer', unitId: 1 },
      { role: 'entry', unitId: 5 },
      { role: 'entry', unitId: 5 },
    ];
    expect(entryRoots(mixed)).toEqual([5]);
    expect(oversightRoots(mixed)).toEqual([1]);
  });
});

describe('periods in words', () => {
  test('names, options and the period a form opens on', () => {
    expect(periodName(H2)).toBe('6 tháng cuối năm 2024');
    expect(periodName(H1)).toBe('6 tháng đầu năm 2024');
    expect(periodName({ kind: 'year', startDate: '2024-01-01' })).toBe('Năm 2024');
    expect(periodName({ kind: 'quarter', startDate: '2024-07-01' })).toBe('Quý III năm 2024');
    expect(periodShortName(H2)).toBe('6T cuối 2024');
    expect(periodOption(H2)).toBe('6 tháng cuối năm 2024 · hạn nộp 10/01/2025');
    // On 5 Jan 2025 the second half of 2024 is due; the first half of 2025 has just begun.
    expect(openPeriods([H1, H2, H3], '2025-01-05').map((p) => p.id)).toEqual([3, 2, 1]);
    expect(openPeriods([H1, H2, H3], '2024-12-01').map((p) => p.id)).toEqual([2, 1]);
    expect(defaultPeriod([H1, H2, H3], '2025-01-05')?.id).toBe(2);
    // Mid-period, the one that ended last.
    expect(defaultPeriod([H1, H2, H3], '2024-09-01')?.id).toBe(1);
    expect(defaultPeriod([H1, H2, H3], '2024-03-01')?.id).toBe(1);
  });
});

describe('the address', () => {
  test('pages and their filters round-trip; the overview keeps its parameters', () => {
    const state = parseViewState('?page=entry&term=1&unit=9&period=4&lang=en');
    expect(state).toMatchObject({ page: 'entry', term: 1, unit: 9, period: 4 });
    expect(viewStateSearch(state, '?lang=en')).toBe('?page=entry&term=1&unit=9&period=4&lang=en');
    expect(parseViewState('?term=1&unit=1&asOf=2024-06-30&basis=submitted')).toMatchObject({
      page: undefined,
      asOf: '2024-06-30',
      basis: 'submitted',
    });
    expect(viewStateSearch({ page: 'cockpit', unit: 3, owing: true })).toBe('?page=cockpit&unit=3&owing=1');
    expect(viewStateSearch({ page: 'cockpit', owing: false })).toBe('?page=cockpit');
    expect(parseViewState('?page=nope&owing=yes')).toMatchObject({ page: undefined, owing: undefined });
    expect(parseViewState('?page=audit&user=2&from=2024-01-01&to=%20')).toMatchObject({
      page: 'audit',
      user: 2,
      from: '2024-01-01',
      to: undefined,
    });
  });
});

describe('unit options', () => {
  const unit = (id: number, name: string, parentId: number | null, depth: number) => ({
    id,
    name,
    parentId,
    depth,
    code: String(id),
    type: 'x',
    isGrassroots: depth === 2,
  });
  const LABELS = { otherUnits: 'Khác', former: 'đơn vị cũ' };
  const tree = [
    unit(1, 'Tỉnh', null, 0),
    unit(2, 'Huyện A', 1, 1),
    unit(3, 'Xã A1', 2, 2),
    unit(4, 'Công an tỉnh', 1, 1),
  ];
  test('a province: districts as groups, the rest in a last group', () => {
    expect(unitOptions(tree, LABELS)).toEqual([
      { value: '1', label: 'Tỉnh' },
      {
        group: 'Huyện A',
        items: [
          { value: '2', label: 'Huyện A' },
          { value: '3', label: '\u00a0\u00a0\u00a0Xã A1' },
        ],
      },
      { group: 'Khác', items: [{ value: '4', label: 'Công an tỉnh' }] },
    ]);
  });
  test('a district and its communes, or a single commune (what an entry officer sees)', () => {
    expect(unitOptions(tree.slice(1, 3), LABELS)).toEqual([
      { value: '2', label: 'Huyện A' },
      { value: '3', label: '\u00a0\u00a0\u00a0Xã A1' },
    ]);
    expect(unitOptions([tree[2] as (typeof tree)[number]], LABELS)).toEqual([{ value: '3', label: 'Xã A1' }]);
  });
  test('a unit closed before the structure began says so (it stays under its successor)', () => {
    const merged = [unit(5, 'Phường Mới', null, 0), { ...unit(6, 'Xã Cũ', 5, 1), former: true }];
    expect(unitOptions(merged, LABELS)).toEqual([
      { value: '5', label: 'Phường Mới' },
      { value: '6', label: '\u00a0\u00a0\u00a0Xã Cũ (đơn vị cũ)' },
    ]);
  });
});
