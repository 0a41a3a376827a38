/**
 * One error envelope for every failure: `{ error: { code, message, details?, requestId } }`,
 * messages in Vietnamese. Domain errors carry their code; anything else is logged, with the request's
 * id, and answered as a bare 500 carrying only that id (what a user quotes to the administrator).
 */
import { DomainError, ERROR_STATUS, type ErrorCode } from '@chitieu/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** The id given to every request (X-Request-Id, set first thing in app.ts). */
export const requestIdOf = (c: Context): string => (c.get('requestId') as string | undefined) ?? '';

export function errorBody(c: Context, code: ErrorCode, message: string, details?: unknown) {
  return {
    error: { code, message, ...(details === undefined ? {} : { details }), requestId: requestIdOf(c) },
  };
}

export function onError(err: Error, c: Context) {
  if (err instanceof DomainError) {
    return c.json(
      errorBody(c, err.code, err.message, err.details),
      ERROR_STATUS[err.code] as ContentfulStatusCode,
    );
  }
  // Malformed JSON bodies and the like, raised by Hono itself with a 4xx status.
  const status = (err as { status?: number }).status;
  if (status === 415) {
    return c.json(errorBody(c, 'unsupported_media_type', 'Kiểu dữ liệu gửi lên không được hỗ trợ.'), 415);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody(c, 'invalid', 'Yêu cầu không hợp lệ.'), status as ContentfulStatusCode);
  }
  console.error(`[${requestIdOf(c)}]`, err);
  return c.json(errorBody(c, 'internal', 'Đã có lỗi trong hệ thống. Vui lòng thử lại sau.'), 500);
}

/** The API answers in its envelope; any other path gets a small page (never the app itself). */
export function notFoundHandler(c: Context) {
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
    return c.json(errorBody(c, 'not_found', `Không có địa chỉ ${c.req.path}.`), 404);
  }
  return c.html(NOT_FOUND_PAGE, 404);
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không tìm thấy — Chỉ tiêu</title></head>
<body><h1>Không tìm thấy trang này</h1><p><a href="/">Về trang chính</a></p></body></html>`;

/** A 400 that names the parameter that failed validation. */
export function validationError(error: ZodError, c: Context) {
  const issues = error.issues.map((i) => ({ param: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const message = first ? `Tham số “${first.param}” không hợp lệ: ${first.message}` : 'Tham số không hợp lệ.';
  return c.json(errorBody(c, 'invalid', message, { issues }), 400);
}
