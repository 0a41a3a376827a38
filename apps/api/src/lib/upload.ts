/**
 * Reading an uploaded file. Handlers call it only after they have checked the user's right to write
 * (so a viewer's 5 MB costs us nothing), which is why upload routes declare their body for the
 * OpenAPI document only (plain schema objects): a zod body schema would make the validators read
 * and parse the body before the handler runs.
 */
import { DomainError, invalid, payloadTooLarge } from '@chitieu/core';
import type { Context } from 'hono';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const MULTIPART = 'multipart/form-data';

/** Every type an upload route takes its file as (a route takes some of them). */
export const FILE_TYPES = [
  MULTIPART,
  XLSX_TYPE,
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
] as const;

const essenceOf = (c: Context) =>
  (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Whether the request's body is sent as a file (limited by its upload route, not as JSON). */
export const isFileBody = (c: Context) => (FILE_TYPES as readonly string[]).includes(essenceOf(c));

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

const TOO_LARGE = 'Tệp quá lớn (tối đa 5 MB).';

/**
 * The bytes of the upload: the body itself (of one of `types`), or the form field `file`. At most
 * MAX_UPLOAD_BYTES are read, whether the size was declared or not (a body sent in chunks).
 */
export async function readUpload(c: Context, types: readonly string[], what: string): Promise<Uint8Array> {
  const essence = essenceOf(c);
  if (essence !== MULTIPART && !types.includes(essence)) {
    throw new DomainError(
      'unsupported_media_type',
      `Kiểu dữ liệu “${essence || 'không rõ'}” không được nhận: hãy gửi ${what} (${[...types, MULTIPART].join(', ')}).`,
    );
  }
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > MAX_UPLOAD_BYTES) throw payloadTooLarge(TOO_LARGE);
  let bytes = await readCapped(c.req.raw.body, MAX_UPLOAD_BYTES);
  if (essence === MULTIPART) {
    let file: FormDataEntryValue | null;
    try {
      file = (
        await new Response(bytes as BodyInit, {
          headers: { 'content-type': c.req.header('content-type') ?? '' },
        }).formData()
      ).get('file');
    } catch {
      throw invalid('Biểu mẫu tải lên không đọc được (multipart/form-data).');
    }
    if (!(file instanceof File)) throw invalid(`Chưa có tệp: hãy gửi ${what} trong trường “file”.`);
    bytes = new Uint8Array(await file.arrayBuffer());
  }
  if (bytes.length === 0) throw invalid('Chưa có tệp nào được gửi lên.');
  return bytes;
}

async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw payloadTooLarge(TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
