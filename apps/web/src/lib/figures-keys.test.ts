/**
 * Every view computed from results is refreshed after a save: its query key starts with one of the
 * roots a save invalidates. (The leaders' views other than the overview used to stay cached for up
 * to a minute after a save.)
 */
import { describe, expect, it, vi } from 'vitest';

// The typed API client is made for the page's origin when imported; these tests only build keys.
vi.hoisted(() => {
  Object.assign(globalThis, { window: { location: { origin: 'http://127.0.0.1' } } });
});

import { cockpitQueryOptions } from '../features/cockpit/api/get-cockpit.ts';
import { compareQueryOptions } from '../features/compare/api/get-compare.ts';
import { laggingQueryOptions } from '../features/lagging/api/get-lagging.ts';
import { missionQueryOptions } from '../features/missions/api/get-mission.ts';
import { breakdownQueryOptions } from '../features/overview/api/get-breakdown.ts';
import { dashboardQueryOptions } from '../features/overview/api/get-dashboard.ts';
import { seriesQueryOptions } from '../features/overview/api/get-series.ts';
import { trendsQueryOptions } from '../features/overview/api/get-trends.ts';
import { reportKey } from '../features/report/api.ts';
import { targetDetailQueryOptions } from '../features/target/api/get-target-detail.ts';
import { targetNotesQueryOptions } from '../features/target/api/get-target-notes.ts';
import { FIGURE_KEY_ROOTS } from './figures-keys.ts';

const scope = { termId: 1, unitId: 1, asOf: '2024-06-30' };

describe('views computed from results', () => {
  it.each([
    ['overview', dashboardQueryOptions(scope).queryKey],
    ['small trends', trendsQueryOptions(scope).queryKey],
    ['breakdown', breakdownQueryOptions({ ...scope, targetId: 2 }).queryKey],
    [
      'series',
      seriesQueryOptions({ ...scope, targetId: 2 } as Parameters<typeof seriesQueryOptions>[0]).queryKey,
    ],
    ['target page', targetDetailQueryOptions({ ...scope, targetId: 2 }).queryKey],
    ['target notes', targetNotesQueryOptions({ ...scope, targetId: 2, limit: 10, offset: 0 }).queryKey],
    ['lagging', laggingQueryOptions(scope).queryKey],
    ['missions', missionQueryOptions({ ...scope, mission: 'poverty' }).queryKey],
    ['compare', compareQueryOptions(scope).queryKey],
    ['report', reportKey({ termId: 1, kind: 'mid_term' })],
    ['cockpit', cockpitQueryOptions({ termId: 1, unitId: 1 }).queryKey],
  ])('%s is refreshed after a save', (_, key) => {
    expect(FIGURE_KEY_ROOTS).toContain(key[0]);
  });
});
