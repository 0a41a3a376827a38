/**
 * Setting up an organisation from an empty database over HTTP: first run (once), importing the
 * 2021 Bình Thuận tree (124 communes under 10 districts), editing units, exporting the tree, and
 * refusing bad files and bad edits with the database unchanged.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@chitieu/db';
import { cloneDatabase, freshDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { MetaSchema } from '../schemas/common.ts';
import { type Answer, api, loginAs, loginFirstTime, type Routes, startTestServer } from '../testing.ts';

type AdminUnits = Answer<Routes['admin']['units']['$get']>;
type TreePreview = Answer<Routes['admin']['units']['import']['preview']['$post']>;
type TreeApplied = Answer<Routes['admin']['units']['import']['apply']['$post']>;
type Tree = Answer<Routes['units']['$get']>;
type SetupNeeded = Answer<Routes['setup']['$get']>;
type Meta = z.infer<typeof MetaSchema>;

const CSV = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../../../packages/db/src/seed/data/units-2021.csv'),
);
const PASSWORD = 'mat-khau-rat-dai';

/** Windows-1258 writes tones as combining marks after a precomposed base (ờ = ơ + U+0300), as Excel does. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const cp1258Form = (text: string) =>
  [...text.normalize('NFC')]
    .map((ch) => {
      const parts = ch.normalize('NFD');
      const tone = [...parts].find((m) => TONES.test(m));
      return tone ? `${parts.replace(tone, '').normalize('NFC')}${tone}` : ch;
    })
    .join('');
const TODAY = '2025-01-20';

const SETUP = {
  organisation: 'Hội Liên hiệp Phụ nữ tỉnh Bình Thuận',
  rootCode: '60',
  rootName: 'Tỉnh Bình Thuận',
  rootType: 'Tỉnh',
  validFrom: '2021-01-01',
  username: 'quantri',
  displayName: 'Nguyễn Thị Quản Trị',
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  token: 'ma-thiet-lap-thu',
};

/** Row counts of every table a refusal must leave alone. */
function counts(db: Db) {
  return db.get<Record<string, number>>(sql`SELECT
    (SELECT COUNT(*) FROM units) AS units, (SELECT COUNT(*) FROM placements) AS placements,
    (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM role_assignments) AS roles,
    (SELECT COUNT(*) FROM audit_events) AS audit, (SELECT COUNT(*) FROM structure_versions) AS versions`);
}

const serve = (db: Db) => startTestServer(db, { today: () => TODAY, setupToken: SETUP.token });

describe('first run', () => {
  it('creates the organisation and its first admin once; then 409, database unchanged', async () => {
    const db = freshDatabase();
    const server = await serve(db);
    const anonymous = api(server.url);
    try {
      expect((await anonymous.get<SetupNeeded>('/api/setup')).body).toEqual({ needed: true });
      const mismatch = await anonymous.post('/api/setup', { ...SETUP, passwordConfirm: 'khac-nhau-1' });
      expect(mismatch.status).toBe(400);
      expect(mismatch.error?.message).toContain('không khớp');
      expect(counts(db)?.units).toBe(0);

      // Two submissions at once: exactly one wins.
      const [a, b] = await Promise.all([
        anonymous.post('/api/setup', SETUP),
        anonymous.post('/api/setup', { ...SETUP, username: 'khac' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const before = counts(db);
      expect(before).toMatchObject({ units: 1, users: 1, roles: 1, versions: 1 });
      const again = await anonymous.post('/api/setup', { ...SETUP, username: 'nguoikhac' });
      expect(again.status).toBe(409);
      expect(again.error?.message).toContain('đã được thiết lập');
      expect(counts(db)).toEqual(before);
      expect((await anonymous.get<SetupNeeded>('/api/setup')).body).toEqual({ needed: false });
      const meta = (await anonymous.get<Meta>('/api/meta')).body;
      expect(meta).toMatchObject({ organisation: SETUP.organisation, demo: false });
      // The admin signs in and administers the root.
      const admin = api(server.url, await loginAs(server.url, 'quantri', PASSWORD));
      const tree = (await admin.get<AdminUnits>('/api/admin/units')).body;
      expect(tree.units).toHaveLength(1);
      expect(tree.units[0]).toMatchObject({ code: '60', name: 'Tỉnh Bình Thuận', parentId: null });
    } finally {
      await server.close();
      db.$client.close();
    }
  });
});

describe('the unit tree of an organisation', () => {
  let db: Db;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let base: Db;
  let cookie: string;
  // The organisation is set up and its admin signed in once; each test starts from its own copy
  // (the session is a row, so the copy is signed in too).
  beforeAll(async () => {
    base = freshDatabase();
    const setupServer = await serve(base);
    expect((await api(setupServer.url).post('/api/setup', SETUP)).status).toBe(200);
    cookie = (await loginAs(setupServer.url, 'quantri', PASSWORD)).cookie;
    await setupServer.close();
  });
  beforeEach(async () => {
    db = cloneDatabase(base);
    server = await startTestServer(db, { today: () => TODAY });
  });
  afterEach(async () => {
    await server.close();
    db.$client.close();
  });
  afterAll(() => base.$client.close());

  /** The organisation's admin, signed in on this test's copy. */
  const admin = () => api(server.url, { cookie, origin: server.url });
  const upload = (bytes: Uint8Array, as = admin()) =>
    as.upload<TreePreview>('/api/admin/units/import/preview', bytes);
  const apply = (bytes: Uint8Array, as = admin()) =>
    as.upload<TreeApplied>('/api/admin/units/import/apply', bytes);
  const download = (path: string, headers: Record<string, string> = { cookie, origin: server.url }) =>
    fetch(`${server.url}${path}`, { headers });
  /** The 2021 tree imported, as the import test does it. */
  const imported = async () => expect((await apply(CSV)).status).toBe(200);
  const unitsOf = async () => (await admin().get<AdminUnits>('/api/admin/units')).body.units;
  const byCode = async (code: string) => {
    const unit = (await unitsOf()).find((u) => u.code === code);
    if (!unit) throw new Error(`No unit ${code} in the tree.`);
    return unit;
  };

  const csvOf = (text: string) => Buffer.from(text, 'utf8');
  const HEADER = 'code,name,type,parent_code\n60,Tỉnh Bình Thuận,Tỉnh,\n';

  it('refuses bad files row by row, and writes nothing', async () => {
    const before = counts(db);
    const bad = csvOf(
      `${HEADER}1,Huyện A,Huyện,60\n2,,Xã,1\n1,Huyện trùng,Huyện,60\n3,Xã B,Xã,99\n4,Xã C,Xã,4\n5,Xã D,Xã,6\n6,Xã E,Xã,5\n`,
    );
    const preview = (await upload(bad)).body;
    const messages = preview.problems.map((p) => `${p.row}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^4: .*thiếu tên/),
      expect.stringMatching(/^5: Mã 1 trùng với dòng 3/),
      expect.stringMatching(/^6: Mã cấp trên 99 không có/),
      expect.stringMatching(/^7: .*chính nó/),
      expect.stringMatching(/^8: Vòng lặp cấp trên: 5 → 6 → 5/),
    ]);
    const applied = await apply(bad);
    expect(applied.status).toBe(400);
    expect(applied.error?.message).toContain('chưa ghi');
    expect(applied.error?.details).toHaveProperty('problems.length', 5);
    expect(counts(db)).toEqual(before);

    // A root row that is not the organisation's root.
    const otherRoot = (await upload(csvOf('code,name,type,parent_code\n68,Tỉnh Lâm Đồng,Tỉnh,\n'))).body;
    expect(otherRoot.problems[0]?.message).toContain('đơn vị gốc');
    // Missing columns, Windows-1252 mojibake, an unknown encoding: refused as a whole.
    const noColumn = await upload(csvOf('code,name\n1,A\n'));
    expect(noColumn.status).toBe(400);
    expect(noColumn.error?.message).toContain('parent_code');
    const mojibake = await upload(iconv.encode(iconv.decode(CSV, 'windows-1252'), 'utf8'));
    expect(mojibake.status).toBe(400);
    expect(mojibake.error?.message).toContain('lỗi phông');
    const shiftJis = await upload(iconv.encode('code,name,type,parent_code\n1,日本語,Xã,60\n', 'shift_jis'));
    expect(shiftJis.status).toBe(400);
    expect(shiftJis.error?.message).toContain('bảng mã');
    expect(counts(db)).toEqual(before);
  });

  it('reads the same tree from UTF-8 with BOM, UTF-16 (tab-separated) and Windows-1258', async () => {
    const text = CSV.toString('utf8');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(text.replaceAll(',', '\t'), 'utf16le'),
    ]);
    const variants: [string, Buffer][] = [
      ['UTF-8', CSV],
      ['UTF-8 (có BOM)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), CSV])],
      ['UTF-16 LE', utf16],
      ['Windows-1258', iconv.encode(cp1258Form(text), 'windows-1258')],
    ];
    for (const [encoding, bytes] of variants) {
      const preview = (await upload(bytes)).body;
      expect(preview.encoding).toBe(encoding);
      expect(preview.problems).toEqual([]);
      expect(preview.rows).toHaveLength(135);
      expect(preview.rows.find((r) => r.code === '22924')?.name).toBe('Phường Phú Thủy');
    }
  });

  it('imports the 2021 tree: 124 communes under 10 districts; a second import changes nothing', async () => {
    const preview = (await upload(CSV)).body;
    expect(preview.rows).toHaveLength(135);
    expect(preview.created).toBe(134);
    const res = await apply(CSV);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(134);

    const units = await unitsOf();
    const root = await byCode('60');
    const districts = units.filter((u) => u.parentId === root.id);
    expect(districts).toHaveLength(10);
    const districtIds = new Set(districts.map((d) => d.id));
    const communes = units.filter((u) => u.parentId !== null && districtIds.has(u.parentId));
    expect(communes).toHaveLength(124);
    expect(communes.every((c) => c.isGrassroots)).toBe(true);
    expect(districts.some((d) => d.isGrassroots)).toBe(false);
    expect(new Set(communes.map((c) => c.validFrom))).toEqual(new Set(['2021-01-01']));
    // The tree the dashboard reads agrees.
    const dash = (await admin().get<Tree>('/api/units')).body;
    expect(dash.units).toHaveLength(135);

    // The same file again: every row is already there; applying it is a success that adds nothing.
    const before = counts(db);
    const again = (await upload(CSV)).body;
    expect(again).toMatchObject({ problems: [], created: 0 });
    expect(again.rows.every((r) => r.action === 'match')).toBe(true);
    const twice = await apply(CSV);
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ applied: true, created: 0 });
    expect(counts(db)).toEqual(before);
  });

  it('exports the tree as CSV with BOM and XLSX, in the import format', async () => {
    await imported();
    const csv = await download('/api/admin/units/export.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('code,name,type,parent_code,grassroots');
    expect(lines).toHaveLength(136);
    expect(lines).toContain('22924,Phường Phú Thủy,Phường,593,1');
    const xlsx = await download('/api/admin/units/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets[0]?.rowCount).toBe(136);
    // Both exports read back as the same tree: nothing to add, nothing wrong, and applying changes nothing.
    const before = counts(db);
    for (const file of [bytes, Buffer.from(await wb.xlsx.writeBuffer())]) {
      const back = (await upload(file)).body;
      expect(back.rows).toHaveLength(135);
      expect(back).toMatchObject({ problems: [], created: 0 });
      const applied = await apply(file);
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ created: 0 });
    }
    expect(counts(db)).toEqual(before);
  });

  it('creates, renames, moves and closes units, refusing cycles, stale edits and open children', async () => {
    await imported();
    const client = admin();
    const phanThiet = await byCode('593');
    const created = await client.post('/api/admin/units', {
      code: '593-CH1',
      name: 'Chi hội Khu phố 1',
      type: 'Chi hội',
      parentId: (await byCode('22924')).id,
    });
    expect(created.status).toBe(200);
    const chiHoi = await byCode('593-CH1');
    expect(chiHoi.isGrassroots).toBe(false);
    const dup = await client.post('/api/admin/units', {
      code: '593',
      name: 'X',
      type: 'Xã',
      parentId: phanThiet.id,
    });
    expect(dup.status).toBe(409);
    const empty = await client.post('/api/admin/units', {
      code: '999',
      name: '  ',
      type: 'Xã',
      parentId: phanThiet.id,
    });
    expect(empty.status).toBe(400);

    const before = counts(db);
    // A cycle: Phan Thiết under its own ward.
    const cycle = await client.post(`/api/admin/units/${phanThiet.id}/move`, {
      version: phanThiet.version,
      parentId: (await byCode('22924')).id,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.error?.message).toContain('vòng lặp');
    const self = await client.post(`/api/admin/units/${phanThiet.id}/move`, {
      version: phanThiet.version,
      parentId: phanThiet.id,
    });
    expect(self.status).toBe(400);
    // Open children: Phan Thiết cannot close.
    const open = await client.post(`/api/admin/units/${phanThiet.id}/close`, {
      version: phanThiet.version,
      date: '2025-01-01',
    });
    expect(open.status).toBe(409);
    expect(open.error?.message).toContain('đơn vị trực thuộc');
    expect(counts(db)).toEqual(before);

    // Rename, then a stale version is a 409.
    const renamed = await client.patch(`/api/admin/units/${chiHoi.id}`, {
      version: chiHoi.version,
      name: 'Chi hội KP 1',
    });
    expect(renamed.status).toBe(200);
    const stale = await client.patch(`/api/admin/units/${chiHoi.id}`, {
      version: chiHoi.version,
      name: 'Cũ',
    });
    expect(stale.status).toBe(409);
    expect((await byCode('593-CH1')).name).toBe('Chi hội KP 1');

    // Move the branch to another ward, then close it.
    const moved = await byCode('593-CH1');
    const phuHai = await byCode('22921');
    expect(
      (
        await client.post(`/api/admin/units/${moved.id}/move`, {
          version: moved.version,
          parentId: phuHai.id,
        })
      ).status,
    ).toBe(200);
    const now = await byCode('593-CH1');
    expect(now.parentId).toBe(phuHai.id);
    const closed = await client.post(`/api/admin/units/${now.id}/close`, {
      version: now.version,
      date: '2025-02-01',
    });
    expect(closed.status).toBe(200);
    const audit = db.all<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity = 'unit' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['import', 'create', 'update', 'move', 'close']);
  });

  it('is for admins only: others get 403 and change nothing', async () => {
    const res = await admin().post('/api/admin/users', {
      username: 'xem.tinh',
      displayName: 'Lãnh đạo',
      password: PASSWORD,
      roles: [{ role: 'viewer', unitId: (await byCode('60')).id }],
    });
    expect(res.status).toBe(200);
    const headers = await loginFirstTime(server.url, 'xem.tinh', PASSWORD);
    const viewer = api(server.url, headers);
    const before = counts(db);
    expect((await viewer.get('/api/admin/units')).status).toBe(403);
    expect((await apply(CSV, viewer)).status).toBe(403);
    expect((await download('/api/admin/units/export.csv', headers)).status).toBe(403);
    const create = await viewer.post('/api/admin/units', { code: 'X1', name: 'X', type: 'Xã', parentId: 1 });
    expect(create.status).toBe(403);
    expect((await fetch(`${server.url}/api/admin/units`)).status).toBe(401);
    expect(counts(db)).toEqual(before);
  });
});
