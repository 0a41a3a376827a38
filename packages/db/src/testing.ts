/** Test helpers: fresh databases built by the real migrations, the demo, and small factories. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type Db, type DbOrTx, openDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { bumpRevision } from './revision.ts';
import { found } from './rows.ts';
import * as s from './schema.ts';
import { type DemoSeed, seedDemo } from './seed/demo.ts';
import { inTransaction } from './statements.ts';

export function freshDatabase(): Db {
  const db = openDatabase(':memory:');
  migrateDatabase(db);
  return db;
}

/**
 * A fresh copy of the demo, built by the migrations and the seed. Seeding takes over a second and
 * some fifty test files each want the demo, so the first one to ask seeds it and leaves the bytes in
 * the temporary folder; the others deserialize them. The cache is named after the content of
 * everything that makes the demo (the migrations, the database package, core), so any change to
 * them seeds afresh, and a copy never outlives the code that made it.
 */
export function demoDatabase(): { db: Db } & DemoSeed {
  const file = join(tmpdir(), 'chitieu-demo-cache', `${demoFingerprint()}.sqlite`);
  try {
    const { seed, bytes } = readCache(file);
    const db = drizzle({ client: new Database(bytes), schema: s }) as Db;
    db.$client.pragma('foreign_keys = ON');
    return { db, ...seed };
  } catch {
    const db = freshDatabase();
    const seed = seedDemo(db);
    writeCache(file, seed, db.$client.serialize());
    return { db, ...seed };
  }
}

const PACKAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let fingerprint: string | undefined;
function demoFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.includes('.test.')) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of [
    join(PACKAGES, 'core', 'src'),
    join(PACKAGES, 'db', 'src'),
    join(PACKAGES, '..', 'drizzle'),
  ])
    walk(dir);
  fingerprint = hash.digest('hex').slice(0, 20);
  return fingerprint;
}

/** The cache: the seed's ids as one JSON line, then the database's bytes. */
function readCache(file: string): { seed: DemoSeed; bytes: Buffer } {
  const content = readFileSync(file);
  const end = content.indexOf(0x0a);
  return {
    seed: JSON.parse(content.subarray(0, end).toString()) as DemoSeed,
    bytes: content.subarray(end + 1),
  };
}

function writeCache(file: string, seed: DemoSeed, bytes: Buffer) {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed, so a file running beside this one never reads half a cache.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify(seed)}\n`), bytes]));
  renameSync(partial, file);
  // Copies made by older code are of no further use.
  for (const name of readdirSync(dirname(file)))
    if (name.endsWith('.sqlite') && name !== basename(file))
      rmSync(join(dirname(file), name), { force: true });
}

/** An independent in-memory copy of a database: seed once, then give each test case its own. */
export function cloneDatabase(db: Db): Db {
  const copy = drizzle({ client: new Database(db.$client.serialize()), schema: s }) as Db;
  copy.$client.pragma('foreign_keys = ON');
  return copy;
}

/**
 * Ids in the demo by the names people use for them: a unit by its GSO code, an indicator or a
 * target by its code, a period by its first day, an account by its username. Ids depend on the
 * order the seed inserts rows, so tests never write them down; a name the demo lacks throws,
 * naming it, rather than passing `undefined` on as an id.
 */
export function demoLookups(db: DbOrTx) {
  const found = <T extends { id: number }>(what: string, row: T | undefined) => {
    if (!row) throw new Error(`The demo has no ${what}.`);
    return row.id;
  };
  return {
    unit: (code: string) =>
      found(`unit ${code}`, db.select().from(s.units).where(eq(s.units.code, code)).get()),
    indicator: (code: string) =>
      found(`indicator ${code}`, db.select().from(s.indicators).where(eq(s.indicators.code, code)).get()),
    /** A target of the demo's term (other terms a test adds may reuse its codes). */
    target: (code: string) =>
      found(
        `target ${code}`,
        db
          .select()
          .from(s.targets)
          .innerJoin(s.terms, eq(s.terms.id, s.targets.termId))
          .where(and(eq(s.terms.code, 'BT-XV'), eq(s.targets.code, code)))
          .get()?.targets,
      ),
    period: (startDate: string, kind: (typeof s.periods.$inferSelect)['kind'] = 'half') =>
      found(
        `${kind} period from ${startDate}`,
        db
          .select()
          .from(s.periods)
          .where(and(eq(s.periods.kind, kind), eq(s.periods.startDate, startDate)))
          .get(),
      ),
    user: (username: string) =>
      found(`account ${username}`, db.select().from(s.users).where(eq(s.users.username, username)).get()),
  };
}

/** The roll-up table as sorted plain rows, to compare an incrementally kept table with a rebuild. */
export function rollupSnapshot(db: DbOrTx): string[] {
  return db
    .all<Record<string, number | string>>(sql`SELECT * FROM rollups
      ORDER BY structure_version_id, ancestor_id, indicator_id, period_id, basis`)
    .map((r) => JSON.stringify(r));
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

/** A structure version with a tree given as parent indexes (-1 = root); returns unit ids in the same order. */
export function makeTree(
  db: Db,
  parents: number[],
  opts: { grassroots?: (i: number) => boolean; versionName?: string } = {},
) {
  return inTransaction(db, (tx) => {
    const versionId = tx
      .insert(s.structureVersions)
      .values({ name: opts.versionName ?? unique('version'), validFrom: '2020-01-01' })
      .returning()
      .get().id;
    const ids: number[] = [];
    const paths: string[] = [];
    parents.forEach((parent, i) => {
      const id = tx
        .insert(s.units)
        .values({
          code: unique('u'),
          name: unique('Đơn vị'),
          type: 'Xã',
          isGrassroots: opts.grassroots?.(i) ?? false,
          validFrom: '2020-01-01',
        })
        .returning()
        .get().id;
      const path = `${parent < 0 ? '/' : paths[parent]}${id}/`;
      ids.push(id);
      paths.push(path);
      tx.insert(s.placements)
        .values({
          structureVersionId: versionId,
          unitId: id,
          parentId: parent < 0 ? null : ids[parent],
          path,
          depth: path.split('/').length - 3,
          sortOrder: i,
        })
        .run();
    });
    bumpRevision(tx);
    return { versionId, ids };
  });
}

/** Place existing units into another structure version (a reorganised tree of the same units). */
export function placeInNewVersion(db: Db, unitIds: number[], parents: number[]): number {
  return inTransaction(db, (tx) => {
    const versionId = tx
      .insert(s.structureVersions)
      .values({ name: unique('version'), validFrom: '2025-07-01' })
      .returning()
      .get().id;
    const paths: string[] = [];
    parents.forEach((parent, i) => {
      const path = `${parent < 0 ? '/' : paths[parent]}${unitIds[i]}/`;
      paths.push(path);
      tx.insert(s.placements)
        .values({
          structureVersionId: versionId,
          unitId: found(unitIds[i], `unit ${i}`),
          parentId: parent < 0 ? null : found(unitIds[parent], `unit ${parent}`),
          path,
          depth: path.split('/').length - 3,
          sortOrder: i,
        })
        .run();
    });
    bumpRevision(tx);
    return versionId;
  });
}

export function makeIndicator(db: Db, values: Partial<typeof s.indicators.$inferInsert> = {}) {
  return db
    .insert(s.indicators)
    .values({
      code: unique('IND'),
      name: unique('Chỉ số'),
      measurementUnit: 'hộ',
      measureType: 'cumulative',
      frequency: 'half',
      ...values,
    })
    .returning()
    .get();
}

export function makePeriods(db: Db, count: number, kind: 'half' | 'year' = 'half') {
  return Array.from({ length: count }, (_, i) => {
    const year = 2022 + (kind === 'half' ? Math.floor(i / 2) : i);
    const second = kind === 'half' && i % 2 === 1;
    const start = kind === 'year' ? `${year}-01-01` : second ? `${year}-07-01` : `${year}-01-01`;
    const end = kind === 'year' ? `${year}-12-31` : second ? `${year}-12-31` : `${year}-06-30`;
    return (
      db
        .insert(s.periods)
        .values({ kind, startDate: start, endDate: end, deadline: end })
        .onConflictDoNothing()
        .returning()
        .get() ??
      (db
        .select()
        .from(s.periods)
        .all()
        .find((p) => p.kind === kind && p.startDate === start) as typeof s.periods.$inferSelect)
    );
  });
}

/**
 * Child units under a unit, in every structure version the parent sits in (an installation's
 * first units before an import: a root made by createRootUnit and a few districts).
 */
export function addChildUnits(
  db: Db,
  parentId: number,
  children: { code: string; name: string; type: string }[],
) {
  return inTransaction(db, (tx) =>
    children.map((child, i) => {
      const unit = tx
        .insert(s.units)
        .values({ ...child, validFrom: '2020-01-01' })
        .returning()
        .get();
      tx.run(sql`INSERT INTO placements (structure_version_id, unit_id, parent_id, path, depth, sort_order)
        SELECT structure_version_id, ${unit.id}, ${parentId}, path || ${unit.id} || '/', depth + 1, ${i}
        FROM placements WHERE unit_id = ${parentId}`);
      bumpRevision(tx);
      return unit.id;
    }),
  );
}
