import { describe, expect, test } from 'vitest';
import { parseViewState, viewStateSearch } from './url-state.ts';

describe('the target page in the address', () => {
  test('page=target and target=ID round-trip with the rest of the view', () => {
    const search = '?page=target&term=1&unit=5&asOf=2023-12-31&basis=submitted&target=2';
    const state = parseViewState(search);
    expect(state).toMatchObject({
      page: 'target',
      target: 2,
      term: 1,
      unit: 5,
      asOf: '2023-12-31',
      basis: 'submitted',
    });
    expect(viewStateSearch(state)).toBe(search);
  });

  test('a bad target id is dropped, not passed on', () => {
    expect(parseViewState('?page=target&target=abc').target).toBeUndefined();
    expect(parseViewState('?page=target&target=0').target).toBeUndefined();
    expect(parseViewState('?page=nothing').page).toBeUndefined();
  });

  test('other parameters such as lang are kept', () => {
    expect(viewStateSearch({ page: 'target', target: 3 }, '?lang=en')).toBe('?page=target&target=3&lang=en');
  });
});
