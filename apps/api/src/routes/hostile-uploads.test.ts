/**
 * No upload can kill the server: the corpus of hostile archives in packages/reports/test/hostile/
 * (ZIP64, multi-disk, a directory that goes on past its count, overlapping entries, a nested bomb,
 * huge shared strings, billion laughs) is refused with a clear 400 and nothing written; the right
 * to write is checked before a byte of the file is read; and the file is read in a worker whose
 * memory and time limits end only that worker.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@chitieu/db';
import { demoDatabase, demoLookups } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, loginAs, type Reply, type Routes, replyOf, startTestServer } from '../testing.ts';
import { XLSX_TYPE } from './excel.ts';

type TreePreview = Answer<Routes['admin']['units']['import']['preview']['$post']>;
/** Why the upload reader refused a file, as the error's details say. */
type Rejected = { reason?: string };

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../packages/reports/test/hostile');
const hostile = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));

// Every test here is refused or only previews (the corpus checks the database's fingerprint before
// and after): nothing writes, so the file shares one server, and its upload worker stays warm.
let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const as: Record<string, Record<string, string>> = {};
let entryQuery = '';

beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db);
  for (const user of ['admin', 'nhap.phuthuy', 'xem.phanthiet', 'lanhdao']) {
    as[user] = await loginAs(server.url, user);
  }
  const find = demoLookups(demo.db);
  entryQuery = `termId=${demo.termId}&unitId=${find.unit('22924')}&periodId=${find.period('2024-07-01')}`;
});
afterAll(async () => {
  await server.close();
  demo.db.$client.close();
});

/** Every table an import writes, as a fingerprint. */
const fingerprint = (db: Db) =>
  db.get(sql`SELECT (SELECT COUNT(*) FROM units) AS units, (SELECT COUNT(*) FROM results) AS results,
    (SELECT COUNT(*) FROM audit_events) AS audit, (SELECT value FROM app_meta WHERE key = 'revision') AS revision`);

/** Send a file as the import pages do; the other servers below share this one's database and sessions. */
async function upload<T = unknown>(
  path: string,
  user: string,
  bytes: Uint8Array,
  { url = server.url, type = XLSX_TYPE } = {},
): Promise<Reply<T>> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...as[user], origin: url, 'content-type': type },
    body: bytes as BodyInit,
  });
  return replyOf<T>(res);
}
const reasonOf = (reply: Reply<unknown>) => (reply.error?.details as Rejected | undefined)?.reason;

describe('the corpus of hostile archives', () => {
  it.each([
    ['zip64-bypass.xlsx', 'zip64_or_multi_disk'],
    ['zip64-field.xlsx', 'zip64_or_multi_disk'],
    ['multi-disk.xlsx', 'zip64_or_multi_disk'],
    ['unaccounted-directory.xlsx', 'directory_not_accounted'],
    ['overlapping-entries.xlsx', 'overlapping_entries'],
    ['huge-shared-strings.xlsx', 'too_many_shared_strings'],
  ])('%s is refused (%s) by both imports, nothing written', async (file, reason) => {
    const before = fingerprint(demo.db);
    for (const [path, user] of [
      ['/api/admin/units/import/preview', 'admin'],
      [`/api/entry/import/preview?${entryQuery}`, 'nhap.phuthuy'],
    ] as const) {
      const res = await upload(path, user, hostile(file));
      expect(res.status).toBe(400);
      expect(reasonOf(res)).toBe(reason);
      expect(res.error?.message).toMatch(/^Tệp bị từ chối/);
    }
    expect(fingerprint(demo.db)).toEqual(before);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('billion laughs: the entities are never expanded, the file is refused', async () => {
    const before = fingerprint(demo.db);
    const res = await upload('/api/admin/units/import/preview', 'admin', hostile('billion-laughs.xlsx'));
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain('không phải là bảng tính');
    expect(fingerprint(demo.db)).toEqual(before);
  });

  it('a nested archive (a bomb inside the workbook) is never opened: the tree itself is read', async () => {
    const res = await upload<TreePreview>(
      '/api/admin/units/import/preview',
      'admin',
      hostile('nested-zip.xlsx'),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'xlsx', rows: [{ code: '60', action: 'match' }] });
  });
});

/**
 * A request whose body never ends: the answer can only come before the body is read. Resolves with
 * the status, then drops the connection.
 */
function answerBeforeBody(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      },
    );
    req.on('error', (error) => {
      if ((error as { code?: string }).code !== 'ECONNRESET') reject(error);
    });
    // The start of a 5 MB "file"; the rest never comes.
    req.write(Buffer.alloc(64 * 1024, 0x50));
  });
}

describe('the right to write is checked before a byte of the file is read', () => {
  it('a viewer’s entry import is refused while the file is still being sent', async () => {
    const status = await answerBeforeBody(`${server.url}/api/entry/import/preview?${entryQuery}`, {
      ...as['xem.phanthiet'],
      origin: server.url,
      'content-type': XLSX_TYPE,
    });
    expect(status).toBe(403);
  });

  it('a non-admin’s tree import too, in a form', async () => {
    const status = await answerBeforeBody(`${server.url}/api/admin/units/import/preview`, {
      ...as.lanhdao,
      origin: server.url,
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(status).toBe(403);
  });

  it('and a non-admin’s reorganisation map', async () => {
    const status = await answerBeforeBody(`${server.url}/api/reorganisations/preview`, {
      ...as.lanhdao,
      origin: server.url,
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(status).toBe(403);
  });
});

describe('the worker that reads uploads', () => {
  const treeCsv = () => new TextEncoder().encode('code,name,type,parent_code\n60,Tỉnh Bình Thuận,Tỉnh,\n');

  it('a file that needs more memory than the worker may have ends the worker, not the server', async () => {
    const small = await startTestServer(demo.db, { uploadLimits: { maxHeapMb: 4 } });
    try {
      const res = await upload('/api/admin/units/import/preview', 'admin', treeCsv(), {
        url: small.url,
        type: 'text/csv',
      });
      expect(res.status).toBe(400);
      expect(reasonOf(res)).toBe('worker_limit');
      expect(res.error?.message).toContain('quá phức tạp');
      expect((await fetch(`${small.url}/api/health`)).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('a file not read within the time limit is abandoned', async () => {
    const slow = await startTestServer(demo.db, { uploadLimits: { timeoutMs: 1 } });
    try {
      const res = await upload('/api/admin/units/import/preview', 'admin', treeCsv(), {
        url: slow.url,
        type: 'text/csv',
      });
      expect(res.status).toBe(400);
      expect(reasonOf(res)).toBe('worker_timeout');
    } finally {
      await slow.close();
    }
  });

  it('with the usual limits the same file is read', async () => {
    const res = await upload<TreePreview>('/api/admin/units/import/preview', 'admin', treeCsv(), {
      type: 'text/csv',
    });
    expect(res.status).toBe(200);
  });
});
