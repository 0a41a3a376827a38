import { describe, expect, it } from 'vitest';
import { reportParamsFromSearch, reportSearch } from './params.ts';

describe('report page address', () => {
  it('reads the overview scope plus the kind, and writes it back', () => {
    const params = reportParamsFromSearch(
      '?page=report&term=1&kind=mid_term&unit=5&asOf=2024-06-30&basis=submitted&sv=2',
    );
    expect(params).toEqual({
      termId: 1,
      kind: 'mid_term',
      unitId: 5,
      asOf: '2024-06-30',
      basis: 'submitted',
      structureVersionId: 2,
    });
    expect(reportSearch(params as NonNullable<typeof params>)).toBe(
      '?page=report&term=1&kind=mid_term&unit=5&asOf=2024-06-30&basis=submitted&sv=2',
    );
  });

  it('defaults to the mid-term report and drops what is not valid', () => {
    expect(reportParamsFromSearch('?term=3&kind=x&unit=-1&basis=all')).toEqual({
      termId: 3,
      kind: 'mid_term',
      unitId: undefined,
      asOf: undefined,
      basis: undefined,
      structureVersionId: undefined,
    });
    expect(reportParamsFromSearch('?kind=yearly')).toBeUndefined();
  });
});
