import { schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let demo: ReturnType<typeof demoDatabase>;
let otherTermTargetId: number;
let headers: Record<string, string>;

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
  const indicator = demo.db.select().from(schema.indicators).get();
  otherTermTargetId = demo.db
    .insert(schema.targets)
    .values({
      termId: other.id,
      code: 'X',
      wording: 'x',
      shortName: 'x',
      primaryIndicatorId: indicator?.id as number,
      goal: 1,
    })
    .returning()
    .get().id;
  server = await startTestServer(demo.db, { today: () => '2026-11-29' });
  headers = await loginAs(server.url, 'lanhdao');
});
afterAll(() => server.close());

async function get(path: string) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('bad input gets a clear 4xx in Vietnamese', () => {
  it.each([
    ['/api/terms/999', 404, 'Không tìm thấy nhiệm kỳ'],
    ['/api/terms/1/dashboard?unitId=99999', 404, 'Không tìm thấy đơn vị'],
    ['/api/terms/1/dashboard?structureVersionId=77', 404, 'cơ cấu'],
    ['/api/terms/abc/dashboard', 400, '“termId”'],
    ['/api/terms/-1', 400, '“termId”'],
    ['/api/terms/1.5', 400, '“termId”'],
    ['/api/terms/99999999999999999999', 400, '“termId”'],
    ['/api/terms/1/dashboard?unitId=x', 400, '“unitId”'],
    ['/api/terms/1/dashboard?asOf=30/06/2024', 400, '“asOf”'],
    ['/api/terms/1/dashboard?asOf=2024-02-30', 400, '“asOf”'],
    ['/api/terms/1/dashboard?asOf=2019-01-01', 400, 'trong nhiệm kỳ'],
    ['/api/terms/1/dashboard?basis=all', 400, '“basis”'],
    ['/api/terms/1/targets/9999/breakdown', 404, 'Không tìm thấy chỉ tiêu'],
    ['/api/units?structureVersionId=0', 400, '“structureVersionId”'],
    ['/api/units?structureVersionId=5', 404, 'cơ cấu'],
    ['/api/nothing-here', 404, 'Không có địa chỉ'],
  ])('%s → %d', async (path, status, words) => {
    const { status: got, body } = await get(path);
    expect(got).toBe(status);
    expect(body.error?.message).toContain(words);
  });

  it('a target of another term is not found under this one', async () => {
    const { status } = await get(`/api/terms/${demo.termId}/targets/${otherTermTargetId}/series`);
    expect(status).toBe(404);
  });

  it('no query string shape produces a 500', async () => {
    const paths = [
      '/api/terms/1/dashboard',
      '/api/terms/1/targets/2/breakdown',
      '/api/terms/1/targets/2/series',
      '/api/units',
    ];
    const params = ['unitId', 'asOf', 'basis', 'structureVersionId', 'termId'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(fc.constantFrom(...params), fc.string({ maxLength: 24 }), { maxKeys: 3 }),
        async (path, query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await fetch(`${server.url}${path}?${qs}`, { headers });
          expect(res.status).toBeLessThan(500);
          const body = (await res.json()) as { error?: { message?: string; stack?: string } };
          if (res.status >= 400) expect(body.error?.message).toBeTruthy();
        },
      ),
      { numRuns: 150 },
    );
  });
});
