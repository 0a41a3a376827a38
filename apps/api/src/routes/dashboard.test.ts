import { parseResponse } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.ts';
import { demoServerPerTest } from '../testing.ts';

const demo = demoServerPerTest({ today: () => '2026-11-29', users: ['lanhdao', 'duyet.tinh'] });

/** The web's typed client, signed in as a leader. */
const client = () => createClient(`${demo.url}/api`, { headers: demo.headers('lanhdao') });

const termId = () => String(demo.termId);

describe('read API on the demo (typed client over HTTP)', () => {
  it('lists the term', async () => {
    const terms = await parseResponse(client().terms.$get());
    expect(terms.map((t) => t.code)).toEqual(['BT-XV']);
  });

  it('answers the dashboard with the mid-term headline and figures', async () => {
    const body = await parseResponse(
      client().terms[':termId'].dashboard.$get({ param: { termId: termId() }, query: {} }),
    );
    expect(body.headline).toEqual({ done: 7, counted: 8, noCases: 0 });
    expect(body.scope.asOf).toBe('2024-06-30');
    expect(body.scope.illustrative).toBe(true);
    const ct2 = body.targets.find((t) => t.code === 'CT2');
    expect(ct2).toMatchObject({ goal: 700, status: 'exceeded', figure: { value: 746 } });
  });

  it('answers one district, with its breadcrumb', async () => {
    const phanThiet = demo.find.unit('593');
    const body = await parseResponse(
      client().terms[':termId'].dashboard.$get({
        param: { termId: termId() },
        query: { unitId: String(phanThiet) },
      }),
    );
    expect(body.scope.path.map((p) => p.name)).toEqual(['Tỉnh Bình Thuận', 'Thành phố Phan Thiết']);
    const ct1 = body.targets.find((t) => t.code === 'CT1');
    expect(ct1?.figure).toMatchObject({ meeting: 18, expected: 18 });
    // A district is judged against what it was allocated (CT2: 110 of 700), shares against the same
    // goal as the province, and not at all where nothing was allocated.
    const goals = Object.fromEntries(body.targets.map((t) => [t.code, [t.goalKind, t.goal, t.status]]));
    expect(goals.CT2).toEqual(['allocation', 110, expect.any(String)]);
    expect(goals.CT1).toEqual(['term', 1000, 'achieved']);
    expect(goals.CT3).toEqual(['none', null, null]);
    expect(body.headline.counted).toBe(3); // CT1, CT2 and CT6 have goals here
    expect(body.targets.find((t) => t.code === 'BS3')?.figure.value).toBe(28);
  });

  it('breaks a target down by child unit and over time', async () => {
    const def = await parseResponse(client().terms[':termId'].$get({ param: { termId: termId() } }));
    const ct3 = def.targets.find((t) => t.code === 'CT3');
    const param = { termId: termId(), targetId: String(ct3?.id) };
    const breakdown = await parseResponse(
      client().terms[':termId'].targets[':targetId'].breakdown.$get({ param, query: {} }),
    );
    expect(breakdown.rows).toHaveLength(13);
    expect(breakdown.rows.reduce((s, r) => s + (r.figure.value ?? 0), 0)).toBe(584);
    expect(breakdown.rows.reduce((s, r) => s + (r.relatedFigures[0]?.figure.value ?? 0), 0)).toBe(
      11_540_000_000,
    );
    // The attached units report nothing on rural works: "chưa báo cáo", not 0.
    expect(breakdown.rows.filter((r) => r.figure.value === null).map((r) => r.type)).toEqual([
      'Đơn vị trực thuộc',
      'Đơn vị trực thuộc',
      'Đơn vị trực thuộc',
    ]);
    const series = await parseResponse(
      client().terms[':termId'].targets[':targetId'].series.$get({ param, query: {} }),
    );
    expect(series.points.at(-1)?.toDate.value).toBe(584);
    expect(series.related[0]?.points.at(-1)?.toDate.value).toBe(11_540_000_000);
  });

  it('serves the unit tree and the structure versions', async () => {
    const tree = await parseResponse(client().units.$get({ query: {} }));
    expect(tree.units).toHaveLength(1 + 10 + 124 + 3);
    expect(tree.units[0]).toMatchObject({ name: 'Tỉnh Bình Thuận', parentId: null, depth: 0 });
    const versions = await parseResponse(client()['structure-versions'].$get());
    expect(versions).toHaveLength(1);
  });

  it('serves its OpenAPI document', async () => {
    const doc = await demo.anonymous().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/terms',
        '/terms/{termId}/dashboard',
        '/terms/{termId}/targets/{targetId}/breakdown',
      ]),
    );
  });
});

describe('ETag from the data revision', () => {
  it('answers a repeated request with 304, and a changed revision with 200', async () => {
    const url = `${demo.url}/api/terms/${termId()}/dashboard`;
    const headers = demo.headers('lanhdao');
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await fetch(url, { headers: { ...headers, 'If-None-Match': etag ?? '' } })).status).toBe(304);
    // Another user's tag differs: cached figures follow the user's scope.
    const other = await fetch(url, {
      headers: { ...demo.headers('duyet.tinh'), 'If-None-Match': etag ?? '' },
    });
    expect(other.status).toBe(200);
    demo.db.$client
      .prepare("UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
      .run();
    const after = await fetch(url, { headers: { ...headers, 'If-None-Match': etag ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});
