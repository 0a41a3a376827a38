/**
 * What answers which path: the API answers in its JSON envelope (never with the app's HTML), static
 * files exist or are 404, the app's HTML is served only for the app's own route, uploads take the
 * documented content types, and ids are plain decimal numbers.
 */
import { demoDatabase, demoLookups } from '@chitieu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorSchema } from '../schemas/common.ts';
import { type Api, api, loginAs, type Reply, startTestServer } from '../testing.ts';
import type { ImportPreviewSchema } from './excel.ts';

// Every test only reads (an import preview writes nothing): one server on one demo per file.
let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let viewer: Api;
let viewerHeaders: Record<string, string>;
let entry: Api;
let entryHeaders: Record<string, string>;

beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db, { web: true });
  viewerHeaders = await loginAs(server.url, 'lanhdao');
  viewer = api(server.url, viewerHeaders);
  entryHeaders = await loginAs(server.url, 'nhap.phuthuy');
  entry = api(server.url, entryHeaders);
});
afterAll(async () => {
  await server.close();
  demo.db.$client.close();
});

/** A refusal in the API's JSON envelope (never the app's HTML): its `error`. */
const envelope = (res: Reply<unknown>) => {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.error;
};

describe('unknown API paths', () => {
  it.each<['GET' | 'POST' | 'DELETE', string]>([
    ['GET', '/api/results'],
    ['GET', '/api/khong-ton-tai'],
    ['GET', '/api/terms/1/khong-co'],
    ['POST', '/api/khong-ton-tai'],
    ['DELETE', '/api/terms/1'],
  ])('%s %s → 404 in the error envelope', async (method, path) => {
    const res = await { GET: viewer.get, POST: viewer.post, DELETE: viewer.delete }[method](path);
    expect(res.status).toBe(404);
    const error = envelope(res);
    expect(error?.code).toBe('not_found');
    expect(error?.message).toContain('Không có địa chỉ');
  });

  it('without a session an unknown API path is 401, like every other private path', async () => {
    const res = await api(server.url, {}).get('/api/khong-ton-tai');
    expect(res.status).toBe(401);
    expect(envelope(res)?.code).toBe('unauthorized');
  });
});

describe('static files and the app', () => {
  it('serves the app at / and its assets', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it.each([
    '/assets/khong-co.js',
    '/assets/index-00000000.css',
    '/favicon.ico',
    '/robots.txt',
    '/khong-co-trang-nay',
    '/admin',
    '/api',
  ])('%s → 404, not the app', async (path) => {
    const res = await fetch(`${server.url}${path}`, {
      headers: { ...viewerHeaders, accept: 'text/html,*/*' },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
  });

  it('a POST to the app route is not answered with the app', async () => {
    const res = await fetch(`${server.url}/`, { method: 'POST', headers: { origin: server.url } });
    expect(res.status).toBe(404);
  });
});

describe('uploads take the documented content types', () => {
  /** Phú Thủy's second half of 2024: the entry clerk's own unit. */
  const entryQuery = () => {
    const find = demoLookups(demo.db);
    return `termId=${demo.termId}&unitId=${find.unit('22924')}&periodId=${find.period('2024-07-01')}`;
  };

  it('the entry import accepts a template sent as application/octet-stream', async () => {
    const q = entryQuery();
    const template = await fetch(`${server.url}/api/entry/template.xlsx?${q}`, { headers: entryHeaders });
    expect(template.status).toBe(200);
    const res = await entry.upload<z.infer<typeof ImportPreviewSchema>>(
      `/api/entry/import/preview?${q}`,
      new Uint8Array(await template.arrayBuffer()),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changes: [], problems: [] });
  });

  it('a type no upload takes is refused with 415 in the envelope', async () => {
    const res = await fetch(`${server.url}/api/entry/import/preview?${entryQuery()}`, {
      method: 'POST',
      headers: { ...entryHeaders, 'content-type': 'image/png' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const refusal: z.infer<typeof ErrorSchema> = await res.json();
    expect(refusal.error.code).toBe('unsupported_media_type');
  });
});

describe('ids are plain decimal numbers', () => {
  it.each(['0x10', '%201', '1%20', '1e1', '1.0', '+1', '01', '0', '-1', '0b1', '1_000'])(
    '/api/terms/%s → 400 naming the parameter',
    async (id) => {
      const res = await viewer.get(`/api/terms/${id}`);
      expect(res.status).toBe(400);
      expect(envelope(res)?.message).toContain('“termId”');
    },
  );

  it.each(['0x10', ' 1', '1e0'])('a query id %j → 400', async (id) => {
    const res = await viewer.get(`/api/terms/${demo.termId}/dashboard?unitId=${encodeURIComponent(id)}`);
    expect(res.status).toBe(400);
    expect(envelope(res)?.message).toContain('“unitId”');
  });

  it('a plain id still works', async () => {
    expect((await viewer.get(`/api/terms/${demo.termId}`)).status).toBe(200);
  });
});
