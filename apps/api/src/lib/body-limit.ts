/**
 * A request body size limit that does not slow down every request.
 *
 * Hono's `bodyLimit` asks for `c.req.raw.body` first, and on @hono/node-server that turns the
 * lightweight request into a full web `Request` with a stream (about a tenth of a save's CPU, and
 * on GETs too). Here a declared Content-Length is checked from the header alone — Node's parser
 * never delivers more bytes than it declares — and only bodies without one (chunked) go through
 * `bodyLimit`, which counts them as they arrive.
 */
import { payloadTooLarge } from '@chitieu/core';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './router.ts';
import { isFileBody } from './upload.ts';

/** JSON bodies (and reorganisation maps): 1 MB. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * Every body that is not sent as a file is limited to BODY_LIMIT before anything reads it. Files are
 * read only by upload routes, each with its own limit applied after the user's right to write is
 * checked (lib/upload.ts, the reorganisation map's route middleware); other routes refuse them unread.
 */
function limitNonFileBodies(message: string) {
  const limit = limitBody(BODY_LIMIT, message);
  return createMiddleware<AppEnv>((c, next) => (isFileBody(c) ? next() : limit(c, next)));
}

/**
 * Route middleware of every route that takes a JSON body (`middleware: [limitJsonBody]`), run before
 * its validator reads the body. routes/body-limit.test.ts sends each such route in the OpenAPI
 * document an oversize body, so a route that forgets it fails there.
 */
export const limitJsonBody = limitNonFileBodies('Dữ liệu gửi lên quá lớn (tối đa 1 MB).');

export function limitBody(maxSize: number, message: string) {
  const refuse = () => {
    throw payloadTooLarge(message);
  };
  const streamed = bodyLimit({ maxSize, onError: refuse });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) refuse();
      return next();
    }
    return streamed(c, next);
  });
}
