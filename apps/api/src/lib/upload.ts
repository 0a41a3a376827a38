/**
 * Reading an uploaded file. Handlers call it only after they have checked the user's right to write
 * (so a viewer's 5 MB costs us nothing), which is why upload routes declare their body for the
 * OpenAPI document only (plain schema objects): a zod body schema would make the validators read
 * and parse the body before the handler runs.
 */
import { DomainError, invalid } from '@chitieu/core';
import type { Context } from 'hono';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const MULTIPART = 'multipart/form-data';

/** An upload route's body in the OpenAPI document: the file itself in one of `types`, or a form. */
export function uploadBody(types: readonly string[]) {
  const file = { type: 'string' as const, format: 'binary' };
  return {
    body: {
      required: true,
      content: {
        ...Object.fromEntries(types.map((type) => [type, { schema: file }])),
        [MULTIPART]: { schema: { type: 'object' as const, properties: { file }, required: ['file'] } },
      },
    },
  };
}

/** The bytes of the upload: the body itself (of one of `types`), or the form field `file`. */
export async function readUpload(c: Context, types: readonly string[], what: string): Promise<Uint8Array> {
  const contentType = c.req.header('content-type') ?? '';
  const essence = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let bytes: Uint8Array;
  if (essence === MULTIPART) {
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File)) throw invalid(`Chưa có tệp: hãy gửi ${what} trong trường “file”.`);
    bytes = new Uint8Array(await file.arrayBuffer());
  } else if (types.includes(essence)) {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  } else {
    throw new DomainError(
      'unsupported_media_type',
      `Kiểu dữ liệu “${essence || 'không rõ'}” không được nhận: hãy gửi ${what} (${[...types, MULTIPART].join(', ')}).`,
    );
  }
  if (bytes.length === 0) throw invalid('Chưa có tệp nào được gửi lên.');
  return bytes;
}
