/**
 * The built web app, read into memory once when the app is made (a few MB with the compressed
 * copies the build wrote beside each file). Files named by their content hash (`/assets/*`) are
 * cached by browsers for a year; index.html and the public files are revalidated on every visit, so a
 * new build is seen at once. A path not in the build is never looked up on the disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context } from 'hono';
import { asBody, type Encoding, preferredEncoding, varyOnEncoding } from './encoding.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WebFile {
  type: string;
  etag: string;
  cacheControl: string;
  bytes: Record<Encoding | 'identity', Buffer | undefined>;
}

/** Every file of the build by its URL path ('/assets/index-abc.js', '/index.html'). */
export function loadWebFiles(dist: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(dist)) return files;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const path = `/${relative(dist, file).split(sep).join('/')}`;
    const identity = readFileSync(file);
    const variant = (suffix: string) => (existsSync(file + suffix) ? readFileSync(file + suffix) : undefined);
    files.set(path, {
      type: TYPES[extname(entry.name)] ?? 'application/octet-stream',
      // Weak: the same tag for the identity and the compressed bytes of one file.
      etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      cacheControl: path.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
      bytes: { identity, br: variant('.br'), gzip: variant('.gz') },
    });
  }
  return files;
}

/** Answer with a file of the build: 304 when the browser has it, else the best encoding it accepts. */
export function sendWebFile(c: Context, file: WebFile): Response {
  const headers = new Headers({
    'Content-Type': file.type,
    'Cache-Control': file.cacheControl,
    ETag: file.etag,
  });
  const available = (['br', 'gzip'] as const).filter((e) => file.bytes[e] !== undefined);
  if (available.length > 0) varyOnEncoding(headers);
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === file.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const encoding = preferredEncoding(c.req.header('Accept-Encoding'), available);
  if (encoding) headers.set('Content-Encoding', encoding);
  const body = file.bytes[encoding ?? 'identity'] as Buffer;
  headers.set('Content-Length', String(body.length));
  return new Response(c.req.method === 'HEAD' ? null : asBody(body), { status: 200, headers });
}
