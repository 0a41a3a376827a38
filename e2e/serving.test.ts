/**
 * How the built web app and JSON answers travel: compressed as the browser accepts (brotli or gzip,
 * made at build time for the app's files), hashed assets cached for a year, index.html revalidated,
 * a missing asset answered 404 (never index.html, which a browser would try to run as a script), and a
 * page opened from a link preloading its own code. Raw HTTP (node:http), so that nothing decompresses
 * behind the test's back; one case watches a real browser's requests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../apps/api/src/testing.ts';
import { PAGES } from '../apps/web/src/lib/url-state.ts';
import {
  assertReady,
  launchBrowser,
  newPage,
  ROOT,
  requestsSettled,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

const DIST = join(ROOT, 'apps/web/dist');

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: Raw): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  expect(encoding).toBeUndefined();
  return res.body;
}

const errors = scriptErrorsPerTest();
let server: TestServer;
beforeAll(async () => {
  assertReady();
  server = await startServer();
});
afterAll(() => server.close());

const assets = () => readdirSync(join(DIST, 'assets'));
/** The biggest script of the build (the chart library's chunk): where compression matters most. */
function biggestScript(): string {
  const scripts = assets().filter((name) => name.endsWith('.js'));
  return scripts.sort(
    (a, b) => readFileSync(join(DIST, 'assets', b)).length - readFileSync(join(DIST, 'assets', a)).length,
  )[0] as string;
}

describe('the built web app', () => {
  it('the build writes brotli and gzip beside every script, style sheet, page and SVG', () => {
    const files = [
      ...assets().map((name) => `assets/${name}`),
      ...readdirSync(join(DIST, 'pages')).map((name) => `pages/${name}`),
      ...readdirSync(DIST),
    ];
    const compressible = files.filter((name) => /\.(js|css|html|svg)$/.test(name));
    expect(compressible.length).toBeGreaterThan(20);
    for (const name of compressible) {
      const original = readFileSync(join(DIST, name));
      expect(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))).equals(original), name).toBe(true);
      expect(gunzipSync(readFileSync(join(DIST, `${name}.gz`))).equals(original), name).toBe(true);
    }
  });

  it('serves a hashed script compressed as accepted, the same bytes, cached for a year', async () => {
    const name = biggestScript();
    const original = readFileSync(join(DIST, 'assets', name));
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=1', 'gzip'],
      ['', undefined],
      ['identity', undefined],
    ] as const) {
      const res = await rawGet(
        `${server.baseUrl}/assets/${name}`,
        accept ? { 'accept-encoding': accept } : {},
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(decoded(res).equals(original)).toBe(true);
      if (encoding) expect(res.body.length).toBeLessThan(original.length / 2);
    }
    const css = assets().find((n) => n.endsWith('.css')) as string;
    const styles = await rawGet(`${server.baseUrl}/assets/${css}`, { 'accept-encoding': 'br' });
    expect(styles.headers['content-type']).toMatch(/^text\/css/);
    expect(decoded(styles).equals(readFileSync(join(DIST, 'assets', css)))).toBe(true);
    const head = await rawGet(`${server.baseUrl}/assets/${name}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('index.html, for any page of the app: compressed, and revalidated on every visit', async () => {
    const html = (name: string) => readFileSync(join(DIST, name));
    // Pages live in the query string; any other path is a 404, never the app's HTML.
    expect((await rawGet(`${server.baseUrl}/some/page`, {})).status).toBe(404);
    for (const [path, file] of [
      ['/', 'index.html'],
      ['/?page=overview', 'index.html'],
      ['/?page=nothing', 'index.html'],
      ['/?page=../index', 'index.html'],
      ['/?page=compare', 'pages/compare.html'],
      ['/?page=entry&unit=5', 'pages/entry.html'],
    ] as const) {
      const res = await rawGet(`${server.baseUrl}${path}`, { 'accept-encoding': 'gzip, br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decoded(res).equals(html(file)), path).toBe(true);
      const etag = res.headers.etag as string;
      expect(etag).toBeTruthy();
      const again = await rawGet(`${server.baseUrl}${path}`, {
        'accept-encoding': 'gzip, br',
        'if-none-match': etag,
      });
      expect(again.status).toBe(304);
    }
    const icon = await rawGet(`${server.baseUrl}/favicon.svg`, { 'accept-encoding': 'gzip' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(decoded(icon).equals(readFileSync(join(DIST, 'favicon.svg')))).toBe(true);
  });

  it("every page but the overview (which is in the app's own code) has its own copy of the HTML", () => {
    const pages = [...PAGES.filter((page) => page !== 'overview'), 'target'].sort();
    const copies = readdirSync(join(DIST, 'pages')).filter((name) => name.endsWith('.html'));
    expect(copies.map((name) => name.replace(/\.html$/, '')).sort()).toEqual(pages);
  });

  it("a page's HTML preloads every script and style sheet of the page that the app's does not load", async () => {
    const res = await rawGet(`${server.baseUrl}/?page=entry`, { 'accept-encoding': 'br' });
    const hrefs = (rel: string) =>
      [
        ...decoded(res)
          .toString()
          .matchAll(new RegExp(`<link rel="${rel}"[^>]* href="/assets/([^"]+)"`, 'g')),
      ].map((m) => m[1] as string);
    const app = readFileSync(join(DIST, 'index.html'), 'utf8');
    const inApp = new Set([...app.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] as string));
    // The entry page's chunk and every chunk it imports, read from the built files themselves.
    const needed = new Set<string>();
    const follow = (name: string) => {
      if (inApp.has(name) || needed.has(name)) return;
      needed.add(name);
      const code = readFileSync(join(DIST, 'assets', name), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) follow(m[1] as string);
    };
    follow(assets().find((name) => /^EntryPage-.*\.js$/.test(name)) as string);
    expect(needed.size).toBeGreaterThan(1);
    expect(new Set(hrefs('modulepreload'))).toEqual(needed);
    expect(hrefs('preload')).toEqual(assets().filter((name) => /^EntryPage-.*\.css$/.test(name)));
    for (const name of [...needed, ...hrefs('preload')]) {
      expect((await rawGet(`${server.baseUrl}/assets/${name}`)).status, name).toBe(200);
    }
  });

  it('opened from a link, the entry page asks for each of its files once, all from the HTML', async () => {
    const browser = await launchBrowser();
    try {
      const { context, page } = await newPage(browser, errors);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const asked: string[] = [];
      cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
        const [, name] = request.url.split('/assets/');
        if (name) asked.push(`${name} ${initiator.type}`);
      });
      await signIn(page, server.baseUrl, 'nhap.phuthuy', '/?page=entry');
      await page.locator('.row-status--empty').first().waitFor();
      await requestsSettled(page);
      // The parser (the HTML's links), not the app's code once it has run; and nothing twice.
      expect(asked.filter((line) => !line.endsWith(' parser'))).toEqual([]);
      expect(asked.length).toBe(new Set(asked).size);
      expect(asked.some((line) => /^EntryPage-.*\.js /.test(line))).toBe(true);
      expect(asked.some((line) => /^EntryPage-.*\.css /.test(line))).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('a missing asset is a 404, not the app page (an old chunk name after a new build)', async () => {
    for (const path of [
      '/assets/ComparePage-0ld0ld0l.js',
      '/assets/index-0ld0ld0l.css',
      '/assets/',
      '/assets/..%2Findex.html',
      '/assets/sub/dir/missing.js',
    ]) {
      const res = await rawGet(`${server.baseUrl}${path}`, { 'accept-encoding': 'gzip, br' });
      expect(res.status, path).toBe(404);
      expect(String(res.headers['content-type'])).not.toMatch(/html/);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    // Dot segments are resolved before routing: this is the app's page, never a file from the disk.
    const outside = await rawGet(`${server.baseUrl}/assets/%2e%2e/%2e%2e/package.json`);
    expect(outside.body.toString()).not.toContain('"workspaces"');
  });
});

describe('JSON answers', () => {
  it('above 1 KB are compressed as accepted; small ones are not', async () => {
    const headers = await loginAs(server.baseUrl, 'lanhdao');
    const [term] = JSON.parse((await rawGet(`${server.baseUrl}/api/terms`, headers)).body.toString()) as {
      id: number;
    }[];
    const path = `${server.baseUrl}/api/terms/${term?.id}/dashboard`;
    const plain = await rawGet(path, headers);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await rawGet(path, { ...headers, 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers.etag).toBe(plain.headers.etag);
      expect(res.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(res).toString())).toEqual(JSON.parse(plain.body.toString()));
    }
    const health = await rawGet(`${server.baseUrl}/api/health`, { 'accept-encoding': 'gzip, br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString())).toEqual({ ok: true });
  });
});
