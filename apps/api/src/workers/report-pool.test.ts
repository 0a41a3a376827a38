import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@chitieu/core';
import { getReportSettings, seedDemoReport } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { readDocx } from '@chitieu/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPool } from './report-pool.ts';

let dir: string;
let file: string;
let settings: ReturnType<typeof getReportSettings>;
const pool = new ReportPool({ size: 2, timeoutMs: 60_000 });

beforeAll(() => {
  const { db, termId } = demoDatabase();
  seedDemoReport(db, termId);
  settings = getReportSettings(db, termId, 'mid_term');
  dir = mkdtempSync(join(tmpdir(), 'chitieu-pool-'));
  file = join(dir, 'chitieu.db');
  writeFileSync(file, db.$client.serialize());
  db.$client.close();
});
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const scope = { termId: 1, unitId: 1, asOf: '2024-06-30', basis: 'approved' as const, structureVersionId: 1 };

describe('report worker pool', () => {
  it('builds files in worker threads that read the database file themselves', async () => {
    const [docx, chart] = await Promise.all([
      pool.run({
        type: 'file',
        format: 'docx',
        kind: 'mid_term',
        settings,
        scope,
        source: { file },
        snapshot: true,
      }),
      pool.run({ type: 'chart', chart: 'completion', scope, source: { file } }),
    ]);
    const contents = await readDocx(docx.bytes);
    expect(contents.media).toHaveLength(3);
    expect(docx.snapshot?.headline).toEqual({ done: 7, counted: 8, noCases: 0 });
    expect(docx.snapshot?.figures.find((f) => f.key === '60:CT2:THOATNGHEO')?.text).toBe('746');
    expect(chart.drawn).toBe(true);
    expect(pool.stats.workers).toBeLessThanOrEqual(2);
  });

  it('passes domain errors back with their code, and keeps working', async () => {
    const missing = pool.run({
      type: 'file',
      format: 'csv',
      kind: 'mid_term',
      settings,
      scope: { ...scope, termId: 99 },
      source: { file },
    });
    await expect(missing).rejects.toBeInstanceOf(DomainError);
    await expect(missing).rejects.toMatchObject({
      code: 'not_found',
      message: 'Không tìm thấy nhiệm kỳ 99.',
    });
    const csv = await pool.run({
      type: 'file',
      format: 'csv',
      kind: 'mid_term',
      settings,
      scope,
      source: { file },
    });
    expect(new TextDecoder().decode(csv.bytes)).toContain('Mã đơn vị');
  });

  it('refuses work beyond its queue with 429, and after close', async () => {
    const small = new ReportPool({ size: 1, maxQueue: 1 });
    const first = small.run({ type: 'chart', chart: 'poverty', scope, source: { file } });
    const second = small.run({ type: 'chart', chart: 'works', scope, source: { file } });
    await expect(second).rejects.toMatchObject({ code: 'too_many_requests' });
    expect((await first).drawn).toBe(true);
    await small.close();
    await expect(small.run({ type: 'chart', chart: 'works', scope, source: { file } })).rejects.toThrow(
      'closed',
    );
  });
});
