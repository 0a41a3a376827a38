/**
 * Compressed answers (docs/decisions/0020-serving-the-web-app.md): the browser says what it accepts; brotli is
 * preferred, then gzip. The web app's files are compressed at build time; JSON above 1 KB here, at a
 * quick setting (the strongest brotli takes milliseconds per answer, the quick one a fraction).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createMiddleware } from 'hono/factory';

export type Encoding = 'br' | 'gzip';

/** Below this, compression saves less than a packet and costs time on both ends. */
export const COMPRESS_ABOVE_BYTES = 1024;

/** The encoding to send, from an Accept-Encoding header and what is available; null = as is. */
export function preferredEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const [best] = available.filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best ?? null;
}

export function compress(bytes: Uint8Array, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : gzipSync(bytes, { level: 6 });
}

/** A Buffer as a response body, without copying (Node's Buffers are typed over ArrayBufferLike). */
export function asBody(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}

/** Add Accept-Encoding to a response's Vary header (a cache must not hand gzip to a client without it). */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/** Compress JSON answers above 1 KB as the client accepts (answers that are compressed already pass). */
export const compressJson = createMiddleware(async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding')) return;
  if (!res.headers.get('Content-Type')?.startsWith('application/json')) return;
  varyOnEncoding(res.headers);
  const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
  if (!encoding) return;
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  const large = body.length > COMPRESS_ABOVE_BYTES;
  if (large) headers.set('Content-Encoding', encoding);
  const sent = large ? compress(body, encoding) : body;
  headers.set('Content-Length', String(sent.length));
  // Replace, not merge: Hono's setter would copy the old response's headers over the new ones.
  c.res = undefined;
  c.res = new Response(asBody(sent), { status: res.status, headers });
});
