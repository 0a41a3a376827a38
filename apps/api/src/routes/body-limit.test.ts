/**
 * The 1 MB limit on JSON bodies is route middleware: every route that takes a JSON body in the
 * OpenAPI document refuses a larger one with 413 before its validator reads it. A JSON route
 * written without `middleware: [limitJsonBody]` fails here.
 */
import { describe, expect, it } from 'vitest';
import { demoServerPerTest } from '../testing.ts';

/** The part of the OpenAPI document read here: which operations take a JSON body. */
type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };

// Each test has its own copy and server: a refused body drops its connection, and a write that
// slipped through the limit would land in that test's copy only.
const demo = demoServerPerTest({ users: ['admin'] });

/** Every route that takes a JSON body, its path parameters filled in. */
async function jsonRoutes() {
  const doc = (await demo.anonymous().get<Doc>('/api/openapi.json')).body;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.requestBody?.content['application/json'] !== undefined)
      .map(([method]): [string, string] => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, '1')]),
  );
}

describe('JSON bodies over 1 MB', () => {
  it('the document has JSON routes to check', async () => {
    expect((await jsonRoutes()).length).toBeGreaterThan(20);
  });

  it('every route that takes a JSON body refuses one over 1 MB with 413', async () => {
    const routes = await jsonRoutes();
    const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 1) });
    const refused: string[] = [];
    for (const [method, path] of routes) {
      const res = await fetch(`${demo.url}/api${path}`, {
        method,
        headers: { ...demo.headers('admin'), 'content-type': 'application/json' },
        body,
      });
      if (res.status === 413) refused.push(`${method} ${path}`);
      else await res.body?.cancel();
    }
    expect(refused).toEqual(routes.map(([method, path]) => `${method} ${path}`));
  });
});
