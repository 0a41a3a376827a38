/** Pieces every route definition uses, so the OpenAPI document describes responses the same way. */
import { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../schemas/common.ts';

export const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON request body. */
export const jsonBody = <T>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** The error answers of a signed-in route, in the one envelope. */
export const errors = {
  400: json(ErrorSchema, 'Tham số không hợp lệ'),
  401: json(ErrorSchema, 'Chưa đăng nhập'),
  403: json(ErrorSchema, 'Không có quyền'),
  404: json(ErrorSchema, 'Không tìm thấy'),
};

/** A file download in the OpenAPI document. */
export const Binary = z.string().openapi({ type: 'string', format: 'binary' });
