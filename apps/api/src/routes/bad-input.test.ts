import { schema } from '@chitieu/db';
import { demoDatabase, demoLookups } from '@chitieu/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, api, loginAs, startTestServer } from '../testing.ts';

// Every test only reads (GETs): one server on one demo per file, nothing a test writes for another.
let server: Awaited<ReturnType<typeof startTestServer>>;
let demo: ReturnType<typeof demoDatabase>;
let otherTermTargetId: number;
let lanhdao: Api;

beforeAll(async () => {
  demo = demoDatabase();
  // A second term with a target, to ask for it under the wrong term.
  const other = demo.db
    .insert(schema.terms)
    .values({
      code: 'T2',
      name: 'Nhiệm kỳ sau',
      shortName: 'Sau',
      ownerUnitId: demo.provinceId,
      startDate: '2027-01-01',
      midTermDate: '2029-06-30',
      endDate: '2031-12-31',
    })
    .returning()
    .get();
  otherTermTargetId = demo.db
    .insert(schema.targets)
    .values({
      termId: other.id,
      code: 'X',
      wording: 'x',
      shortName: 'x',
      primaryIndicatorId: demoLookups(demo.db).indicator('THOATNGHEO'),
      goal: 1,
    })
    .returning()
    .get().id;
  server = await startTestServer(demo.db, { today: () => '2026-11-29' });
  lanhdao = api(server.url, await loginAs(server.url, 'lanhdao'));
});
afterAll(async () => {
  await server.close();
  demo.db.$client.close();
});

/** A path as written below, with `{term}` and `{target}` the demo's own term and one of its targets. */
const resolve = (path: string) =>
  path.replace('{term}', String(demo.termId)).replace('{target}', String(demoLookups(demo.db).target('CT2')));

describe('bad input gets a clear 4xx in Vietnamese', () => {
  it.each([
    ['/api/terms/999', 404, 'Không tìm thấy nhiệm kỳ'],
    ['/api/terms/{term}/dashboard?unitId=99999', 404, 'Không tìm thấy đơn vị'],
    ['/api/terms/{term}/dashboard?structureVersionId=77', 404, 'cơ cấu'],
    ['/api/terms/abc/dashboard', 400, '“termId”'],
    ['/api/terms/-1', 400, '“termId”'],
    ['/api/terms/1.5', 400, '“termId”'],
    ['/api/terms/99999999999999999999', 400, '“termId”'],
    ['/api/terms/{term}/dashboard?unitId=x', 400, '“unitId”'],
    ['/api/terms/{term}/dashboard?asOf=30/06/2024', 400, '“asOf”'],
    ['/api/terms/{term}/dashboard?asOf=2024-02-30', 400, '“asOf”'],
    ['/api/terms/{term}/dashboard?asOf=2019-01-01', 400, 'trong nhiệm kỳ'],
    ['/api/terms/{term}/dashboard?basis=all', 400, '“basis”'],
    ['/api/terms/{term}/targets/9999/breakdown', 404, 'Không tìm thấy chỉ tiêu'],
    ['/api/units?structureVersionId=0', 400, '“structureVersionId”'],
    ['/api/units?structureVersionId=5', 404, 'cơ cấu'],
    ['/api/nothing-here', 404, 'Không có địa chỉ'],
  ])('%s → %d', async (path, status, words) => {
    const res = await lanhdao.get(resolve(path));
    expect(res.status).toBe(status);
    expect(res.error?.message).toContain(words);
  });

  it('a target of another term is not found under this one', async () => {
    const { status } = await lanhdao.get(`/api/terms/${demo.termId}/targets/${otherTermTargetId}/series`);
    expect(status).toBe(404);
  });

  it('no query string shape produces a 500', async () => {
    const paths = [
      '/api/terms/{term}/dashboard',
      '/api/terms/{term}/targets/{target}/breakdown',
      '/api/terms/{term}/targets/{target}/series',
      '/api/units',
    ];
    const params = ['unitId', 'asOf', 'basis', 'structureVersionId', 'termId'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(fc.constantFrom(...params), fc.string({ maxLength: 24 }), { maxKeys: 3 }),
        async (path, query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await lanhdao.get(`${resolve(path)}?${qs}`);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(res.error?.message).toBeTruthy();
        },
      ),
      { numRuns: 150 },
    );
  });
});
