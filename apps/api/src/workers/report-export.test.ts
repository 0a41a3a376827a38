import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocx } from '@chitieu/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportArgs, UsageError } from './report-export.ts';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../cli.ts');
let dir: string;
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, DATA_DIR: join(dir, 'data') },
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-export-'));
  expect(run(['seed-demo']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI export', () => {
  it('writes the DOCX of the demo for a district and date', async () => {
    const out = join(dir, 'phan-thiet.docx');
    const done = run([
      'export',
      '--term',
      '1',
      '--format',
      'docx',
      '--out',
      out,
      '--unit',
      '593',
      '--as-of',
      '2024-06-30',
    ]);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('Đã xuất');
    const docx = await readDocx(new Uint8Array(readFileSync(out)));
    expect(docx.paragraphs.join('\n')).toContain('Thành phố Phan Thiết, số liệu tính đến ngày 30/06/2024');
  });

  it('explains bad arguments in one line and exits 2', () => {
    for (const [args, reason] of [
      [['export', '--format', 'docx', '--out', 'x'], 'thiếu --term'],
      [['export', '--term', '1', '--format', 'pdf', '--out', 'x'], '--format phải là docx, xlsx hoặc csv'],
      [['export', '--term', '1', '--format', 'csv'], 'thiếu --out'],
      [
        ['export', '--term', '1', '--format', 'csv', '--out', 'x', '--as-of', '2024-02-30'],
        '--as-of phải là ngày có thật',
      ],
      [
        ['export', '--term', '1', '--format', 'csv', '--out', 'x', '--unit', 'KHONGCO'],
        'không có đơn vị mang mã',
      ],
      [['export', '--term', '7', '--format', 'csv', '--out', 'x'], 'Không tìm thấy nhiệm kỳ 7.'],
      [
        ['export', '--term', '1', '--format', 'csv', '--out', 'x', '--as-of', '2030-01-01'],
        'phải nằm trong nhiệm kỳ',
      ],
      [['export', '--term', '1', '--bogus'], 'tùy chọn không hợp lệ: --bogus'],
    ] as const) {
      const result = run([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(reason);
    }
    // Eight CLI runs, each starting Node with tsx: seconds each on a busy machine.
  }, 120_000);

  it('parses the arguments it documents', () => {
    expect(parseExportArgs(['--term', '1', '--format', 'xlsx', '--out', 'a.xlsx'])).toEqual({
      termId: 1,
      format: 'xlsx',
      out: 'a.xlsx',
      kind: 'mid_term',
    });
    expect(() => parseExportArgs(['--term', '0', '--format', 'xlsx', '--out', 'a'])).toThrow(UsageError);
  });
});
