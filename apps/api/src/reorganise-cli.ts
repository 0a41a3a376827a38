/**
 * `cli reorganise`: preview (default) or apply (`--apply`) a merge map from the command line, as the
 * system (the person at the console is trusted like an admin, as for `user:create`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DomainError, formatDate, invalid } from '@chitieu/core';
import { applyReorganisation, type Db, previewReorganisation, type ReorganisationPlan } from '@chitieu/db';
import { z } from 'zod';

export const REORGANISE_USAGE =
  'reorganise --map FILE.csv --date YYYY-MM-DD [--designate MÃ_CŨ=MÃ_MỚI]… [--parent-name MÃ="Tên"]… [--parent-type MÃ=Loại]… [--apply]';

const Pair = z.string().regex(/^[^=]+=.+$/, 'cần dạng MÃ=GIÁ_TRỊ');
const Args = z.object({
  map: z.string({ error: 'thiếu --map (tệp CSV bản đồ sáp nhập)' }).min(1),
  date: z.string({ error: 'thiếu --date' }).regex(/^\d{4}-\d{2}-\d{2}$/, '--date cần dạng YYYY-MM-DD'),
  designate: z.array(Pair).default([]),
  'parent-name': z.array(Pair).default([]),
  'parent-type': z.array(Pair).default([]),
  apply: z.boolean().default(false),
});

const pairs = (list: string[]) =>
  Object.fromEntries(list.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));

/** Parse the arguments now (a bad one stops before the database is opened); run on a database later. */
export function reorganiseCommand(argv: string[]): (db: Db) => string {
  const { values } = parseArgs({
    args: argv,
    options: {
      map: { type: 'string' },
      date: { type: 'string' },
      designate: { type: 'string', multiple: true },
      'parent-name': { type: 'string', multiple: true },
      'parent-type': { type: 'string', multiple: true },
      apply: { type: 'boolean' },
    },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? REORGANISE_USAGE);
  const args = parsed.data;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.map);
  } catch (error) {
    throw invalid(`không đọc được ${args.map}: ${(error as Error).message}`);
  }
  const input = {
    map: bytes,
    effectiveDate: args.date,
    designations: pairs(args.designate),
    parentNames: pairs(args['parent-name']),
    parentTypes: pairs(args['parent-type']),
  };
  return (db) => {
    try {
      return run(db);
    } catch (error) {
      // The console shows every problem of the map, not only the count.
      const problems =
        error instanceof DomainError
          ? (error.details as { problems?: { message: string }[] })?.problems
          : undefined;
      if (error instanceof DomainError && problems && problems.length > 1) {
        throw new DomainError(
          error.code,
          [error.message, ...problems.map((p) => `  ${p.message}`)].join('\n'),
        );
      }
      throw error;
    }
  };
  function run(db: Db): string {
    if (!args.apply)
      return `${describe(previewReorganisation(db, 'system', input))}\nChưa ghi gì: thêm --apply để áp dụng.`;
    const result = applyReorganisation(db, 'system', input);
    if (result.applied)
      return `${describe(result.plan)}\nĐã áp dụng: cơ cấu mới số ${result.structureVersionId}.`;
    return result.corrected.length
      ? `Đã sửa đơn vị kế thừa của ${result.corrected.join(', ')} (cơ cấu số ${result.structureVersionId}).`
      : `Bản đồ này đã được áp dụng (cơ cấu số ${result.structureVersionId}); không thay đổi gì.`;
  }
}

function describe(plan: ReorganisationPlan): string {
  if (plan.alreadyApplied) return `Bản đồ này đã được áp dụng lúc ${plan.alreadyApplied.at}.`;
  const lines = [
    `${plan.newVersionName} (thay ${plan.previousVersion.name}):`,
    `  giải thể ${plan.closes.length} đơn vị (${plan.closes.filter((c) => c.reason === 'level_ended').length} do hết cấp), thành lập ${plan.opens.length}, tạo mới cấp trên ${plan.createdParents.length}`,
    ...plan.createdParents.map(
      (p) =>
        `  cấp trên mới ${p.code}: ${p.name ?? 'CẦN TÊN (--parent-name)'}, loại ${p.type || 'CẦN CHỌN (--parent-type)'}`,
    ),
    ...plan.partials.map(
      (p) =>
        `  ${p.oldCode} ${p.oldName} chia cho ${p.successors.map((s) => s.code).join(', ')}: kết quả tính vào ${p.designated}${p.defaulted ? ' (mặc định: đơn vị đầu tiên)' : ''}`,
    ),
    `  chỉ tiêu giao lại: ${plan.allocations.length}; phân quyền chuyển: ${plan.roles.filter((r) => r.toCode).length}, cần phân lại: ${plan.roles.filter((r) => !r.toCode).length}`,
    `  hiệu lực từ ${formatDate(plan.effectiveDate)}`,
    ...plan.warnings.map((w) => `  lưu ý: ${w.message}`),
  ];
  return lines.join('\n');
}
