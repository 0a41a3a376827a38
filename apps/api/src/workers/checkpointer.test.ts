import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '@chitieu/db';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-checkpoint-'));
  db = openDatabase(join(dir, 'test.db'));
  db.$client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
});

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows of t in the database file itself: a copy of the file alone, without its WAL. */
function rowsInFile(): number {
  copyFileSync(join(dir, 'test.db'), join(dir, 'copy.db'));
  const file = new Database(join(dir, 'copy.db'), { readonly: true });
  try {
    return (file.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    file.close();
  }
}

function insertRows(n: number) {
  const insert = db.$client.prepare('INSERT INTO t (body) VALUES (?)');
  for (let i = 0; i < n; i++) insert.run('x'.repeat(200));
}

describe('startCheckpointer', () => {
  it('copies committed writes into the database file without the writer checkpointing', async () => {
    const checkpointer = startCheckpointer(db, 50);
    try {
      expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(15_000);
      insertRows(300); // far below any automatic checkpoint
      expect(rowsInFile()).toBe(0);
      await expect.poll(rowsInFile, { timeout: 5000 }).toBe(300);
    } finally {
      await checkpointer.stop();
    }
  });

  it('does nothing for an in-memory database', async () => {
    const memory = openDatabase(':memory:');
    const checkpointer = startCheckpointer(memory);
    expect(memory.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.stop();
    memory.$client.close();
  });
});
