/**
 * Phase 2 of planning a reorganisation (docs/decisions/0031): who succeeds whom. Checks each old
 * unit's successors and each new unit's rows, finds every new unit's parent (creating the ones the
 * tree lacks), and settles which successor takes a split unit's results. Pure.
 */
import { textProblem } from '@chitieu/core';
import { type MapProblem, type MergeRow, statedType } from './reorganise-map.ts';
import type { Matched } from './reorganise-match.ts';
import type { CreatedParent, ReorganisationPlan, ReorganiseInput } from './reorganise-types.ts';
import { found } from './rows.ts';

export interface Successors {
  /** Old code → its rows, in the map's order. */
  successorsOf: Map<string, MergeRow[]>;
  /** New code → its first row. */
  newUnits: Map<string, MergeRow>;
  /** New code → key of its parent. */
  parentKeyOf: Map<string, string>;
  /** Parents the map names but the tree lacks, by code. */
  createdParents: Map<string, CreatedParent>;
  partials: ReorganisationPlan['partials'];
  /** Old code → the new code that takes its results. */
  designatedOf: Map<string, string>;
  problems: MapProblem[];
  warnings: MapProblem[];
}

type Choices = Pick<ReorganiseInput, 'designations' | 'parentNames' | 'parentTypes'>;

export function findSuccessors(
  rows: MergeRow[],
  matched: Pick<Matched, 'openByCode' | 'closing'>,
  choices: Choices,
): Successors {
  const problems: MapProblem[] = [];
  const successorsOf = new Map<string, MergeRow[]>();
  for (const r of rows) successorsOf.set(r.oldCode, [...(successorsOf.get(r.oldCode) ?? []), r]);
  problems.push(...successorProblems(successorsOf));
  const newUnits = new Map<string, MergeRow>();
  for (const r of rows) {
    const first = newUnits.get(r.newCode);
    if (!first) newUnits.set(r.newCode, r);
    else if (first.newName !== r.newName || first.newParentCode !== r.newParentCode) {
      problems.push({
        line: r.line,
        code: r.newCode,
        message: `Dòng ${r.line}: đơn vị mới ${r.newCode} có tên hoặc cấp trên khác với dòng ${first.line}.`,
      });
    }
  }
  const { openByCode, closing } = matched;
  for (const [code, r] of newUnits) {
    const holder = openByCode.get(code);
    if (holder && !closing.has(code)) {
      problems.push({
        line: r.line,
        code,
        message: `Dòng ${r.line}: mã mới ${code} đang thuộc đơn vị “${holder.name}”, đơn vị này không giải thể theo bản đồ.`,
      });
    }
  }
  const parents = findParents(newUnits, matched, choices);
  problems.push(...parents.problems);
  const designations = designate(successorsOf, closing, choices.designations ?? {});
  problems.push(...designations.problems);
  return {
    successorsOf,
    newUnits,
    parentKeyOf: parents.parentKeyOf,
    createdParents: parents.createdParents,
    partials: designations.partials,
    designatedOf: designations.designatedOf,
    problems,
    warnings: designations.warnings,
  };
}

/** Each old unit: one `full` successor, or two or more `partial` ones, each named once. */
function successorProblems(successorsOf: Map<string, MergeRow[]>): MapProblem[] {
  const problems: MapProblem[] = [];
  for (const [code, list] of successorsOf) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.newCode))
        problems.push({
          line: r.line,
          code,
          message: `Dòng ${r.line}: đơn vị cũ ${code} được ghi hai lần cho đơn vị mới ${r.newCode}.`,
        });
      seen.add(r.newCode);
    }
    const full = list.filter((r) => r.kind === 'full');
    if (full.length > 1) {
      problems.push({
        line: full[1]?.line,
        code,
        message: `Đơn vị cũ ${code} có ${full.length} đơn vị kế thừa “full” (dòng ${full.map((r) => r.line).join(', ')}); chỉ được một.`,
      });
    } else if (full.length === 1 && list.length > 1) {
      problems.push({
        line: list[1]?.line,
        code,
        message: `Đơn vị cũ ${code} vừa sáp nhập toàn bộ (full) vừa chia tách (partial).`,
      });
    }
  }
  return problems;
}

/** Parents: another new unit of the map, an open unit that stays, or a new parent created by code. */
function findParents(
  newUnits: Map<string, MergeRow>,
  { openByCode, closing }: Pick<Matched, 'openByCode' | 'closing'>,
  choices: Choices,
) {
  const problems: MapProblem[] = [];
  const parentKeyOf = new Map<string, string>();
  const createdParents = new Map<string, CreatedParent>();
  for (const [code, r] of newUnits) {
    const p = r.newParentCode;
    const stays = openByCode.get(p);
    if (p === code)
      problems.push({
        line: r.line,
        code,
        message: `Dòng ${r.line}: đơn vị ${code} không thể là cấp trên của chính nó.`,
      });
    else if (newUnits.has(p)) parentKeyOf.set(code, `n:${p}`);
    else if (closing.has(p))
      problems.push({
        line: r.line,
        code,
        message: `Dòng ${r.line}: cấp trên ${p} giải thể theo chính bản đồ này.`,
      });
    else if (stays) parentKeyOf.set(code, `u:${stays.id}`);
    else {
      const name = choices.parentNames?.[p]?.trim() || null;
      const bad = name ? textProblem(`Tên đơn vị cấp trên ${p}`, name) : null;
      if (bad) problems.push({ line: r.line, code, message: bad });
      const type = choices.parentTypes?.[p]?.trim() || (name ? statedType(name) : null) || '';
      createdParents.set(p, { code: p, name, type });
      parentKeyOf.set(code, `p:${p}`);
    }
  }
  // A cycle among new units (A under B, B under A) has no root.
  for (const code of newUnits.keys()) {
    const seen = new Set<string>();
    let k: string | undefined = `n:${code}`;
    while (k?.startsWith('n:') && !seen.has(k)) {
      seen.add(k);
      k = parentKeyOf.get(k.slice(2));
    }
    if (k?.startsWith('n:')) {
      problems.push({
        code,
        message: `Các đơn vị mới tạo thành vòng cấp trên (${[...seen].map((s) => s.slice(2)).join(' → ')}).`,
      });
      break;
    }
  }
  return { parentKeyOf, createdParents, problems };
}

/** Partial units: the admin designates which successor takes their results (default: the first listed). */
function designate(
  successorsOf: Map<string, MergeRow[]>,
  closing: Matched['closing'],
  designations: Record<string, string>,
) {
  const problems: MapProblem[] = [];
  const warnings: MapProblem[] = [];
  const partials: ReorganisationPlan['partials'] = [];
  const designatedOf = new Map<string, string>();
  for (const [code, list] of successorsOf) {
    const first = found(list[0], `the first row of old unit ${code}`);
    if (list.length === 1) {
      designatedOf.set(code, first.newCode);
      if (first.kind === 'partial')
        warnings.push({
          line: first.line,
          code,
          message: `Dòng ${first.line}: đơn vị ${code} “partial” chỉ có một đơn vị kế thừa.`,
        });
      continue;
    }
    const chosen = designations[code];
    const listed = chosen !== undefined && list.some((r) => r.newCode === chosen);
    if (chosen !== undefined && !listed) {
      problems.push({
        code,
        message: `Đơn vị kế thừa được chỉ định cho ${code} (${chosen}) không có trong các dòng của nó.`,
      });
    }
    const designated = chosen && listed ? chosen : first.newCode;
    designatedOf.set(code, designated);
    partials.push({
      oldCode: code,
      oldName: closing.get(code)?.name ?? first.oldName,
      successors: list.map((r) => ({ code: r.newCode, name: r.newName })),
      designated,
      defaulted: chosen === undefined,
    });
  }
  for (const [code, chosen] of Object.entries(designations)) {
    const list = successorsOf.get(code);
    if (list?.length === 1 && list[0]?.newCode !== chosen) {
      problems.push({
        code,
        message: `Chỉ định đơn vị kế thừa cho ${code} (${chosen}), nhưng ${code} chỉ sáp nhập vào ${list[0]?.newCode}.`,
      });
    }
    if (!list)
      problems.push({
        code,
        message: `Chỉ định đơn vị kế thừa cho mã ${code}, mã này không có trong bản đồ.`,
      });
  }
  return { partials, designatedOf, problems, warnings };
}
