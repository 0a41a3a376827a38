/**
 * The 1 MB limit on JSON bodies is route middleware: every route that takes a JSON body in the
 * OpenAPI document refuses a larger one with 413 before its validator reads it. A JSON route
 * written without `middleware: [limitJsonBody]` fails here.
 */
import { demoDatabase } from '@chitieu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Record<string, string>;
let jsonRoutes: [string, string][] = [];

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };

beforeAll(async () => {
  server = await startTestServer(demoDatabase().db);
  admin = await loginAs(server.url, 'admin');
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Doc;
  jsonRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.requestBody?.content['application/json'] !== undefined)
      .map(([method]): [string, string] => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, '1')]),
  );
});
afterAll(() => server.close());

describe('JSON bodies over 1 MB', () => {
  it('the document has JSON routes to check', () => {
    expect(jsonRoutes.length).toBeGreaterThan(20);
  });

  it('every route that takes a JSON body refuses one over 1 MB with 413', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 1) });
    const refused: string[] = [];
    for (const [method, path] of jsonRoutes) {
      const res = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { ...admin, 'content-type': 'application/json' },
        body,
      });
      if (res.status === 413) refused.push(`${method} ${path}`);
      else await res.body?.cancel();
    }
    expect(refused).toEqual(jsonRoutes.map(([method, path]) => `${method} ${path}`));
  });
});
