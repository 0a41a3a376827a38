import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocx } from '@chitieu/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRefusal, runCli } from '../testing.ts';
import { parseExportArgs, UsageError } from './report-export.ts';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-export-'));
const env = { DATA_DIR: join(dir, 'data') };
/** Where a refused export would have written. */
const x = join(dir, 'x');

beforeAll(async () => {
  await runCli(['seed-demo'], env);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI export', () => {
  it('writes the DOCX of the demo for a district and date', async () => {
    const out = join(dir, 'phan-thiet.docx');
    const printed = await runCli(
      ['export', '--term', '1', '--format', 'docx', '--out', out, '--unit', '593', '--as-of', '2024-06-30'],
      env,
    );
    expect(printed).toEqual([expect.stringMatching(/^Đã xuất .*phan-thiet\.docx \(\d+ byte\)\.$/)]);
    const docx = await readDocx(new Uint8Array(readFileSync(out)));
    expect(docx.paragraphs.join('\n')).toContain('Thành phố Phan Thiết, số liệu tính đến ngày 30/06/2024');
  });

  it.each([
    [['--format', 'docx', '--out', x], 'thiếu --term'],
    [['--term', '1', '--format', 'pdf', '--out', x], '--format phải là docx, xlsx hoặc csv'],
    [['--term', '1', '--format', 'csv'], 'thiếu --out'],
    [['--term', '1', '--format', 'csv', '--out', x, '--as-of', '2024-02-30'], '--as-of phải là ngày có thật'],
    [['--term', '1', '--format', 'csv', '--out', x, '--unit', 'KHONGCO'], 'không có đơn vị mang mã'],
    [['--term', '7', '--format', 'csv', '--out', x], 'Không tìm thấy nhiệm kỳ 7.'],
    [['--term', '1', '--format', 'csv', '--out', x, '--as-of', '2030-01-01'], 'phải nằm trong nhiệm kỳ'],
    [['--term', '1', '--bogus'], 'tùy chọn không hợp lệ: --bogus'],
  ])('%o → a one-line reason, writing nothing', async (args, words) => {
    const reason = await cliRefusal(['export', ...args], env);
    expect(reason.split('\n')).toHaveLength(1);
    expect(reason).toContain(words);
    expect(existsSync(x)).toBe(false);
  });

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
