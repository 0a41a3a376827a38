/** A unit's report settings before anyone has stored any: drawn from its name, type and place. */
import {
  defaultPlace,
  letterheadCase,
  organisationStyle,
  REPORT_SYMBOL,
  unitInSentence,
  unitOrganisationName,
} from '@chitieu/core';
import type { DbOrTx } from '../client.ts';
import { getUnit, type Term, type UnitRow } from '../lookups.ts';
import { getMeta } from '../revision.ts';
import { stmt } from '../statements.ts';
import { REPORT_SECTIONS, type ReportKind, type ReportSettingsInput } from './definitions.ts';
import { DEMO_REPORT } from './demo-report.ts';

function defaultAsOf(term: Term, kind: ReportKind): string {
  if (kind === 'end_of_term') return term.endDate;
  if (kind === 'mid_term') return term.midTermDate;
  return term.defaultAsOf ?? term.midTermDate;
}

/** Where a unit sits: its parent and whether it has units below it, in the newest structure holding it. */
function unitPlace(db: DbOrTx, unitId: number) {
  const row = stmt<{ parentId: number | null; hasChildren: number }>(
    db,
    `SELECT p.parent_id AS parentId,
            EXISTS (SELECT 1 FROM placements c WHERE c.structure_version_id = p.structure_version_id
                    AND c.parent_id = p.unit_id) AS hasChildren
     FROM placements p WHERE p.unit_id = ? ORDER BY p.structure_version_id DESC LIMIT 1`,
  ).get(unitId);
  return { parentId: row?.parentId ?? null, hasChildren: row?.hasChildren === 1 };
}

/** The organisation's style (@chitieu/core) from its name and the root unit of its newest structure. */
function styleOf(db: DbOrTx) {
  const organisation = getMeta(db, 'organisation') ?? null;
  const root = stmt<{ name: string }>(
    db,
    `SELECT u.name FROM placements p JOIN units u ON u.id = p.unit_id
     WHERE p.parent_id IS NULL ORDER BY p.structure_version_id DESC, p.sort_order LIMIT 1`,
  ).get();
  return { organisation, style: organisationStyle(organisation, root?.name) };
}

/**
 * Defaults for a unit's report, from its own name and type (Decree 30): letterhead "HỘI LHPN THÀNH
 * PHỐ PHAN THIẾT / BAN THƯỜNG VỤ" (a unit without units below it has a Ban Chấp hành), the national
 * motto where the organisation's documents carry it, number "Số: …/BC-HPN", the place from the
 * unit's name, a title that names the unit, the recipients above it. The demo's illustrative term
 * gets the demo's report at its own unit (DEMO_REPORT).
 */
export function defaultSettings(
  db: DbOrTx,
  term: Term,
  kind: ReportKind,
  unit: UnitRow,
): ReportSettingsInput {
  const own = unit.id === term.ownerUnitId;
  if (own && kind === 'mid_term' && term.illustrative && getMeta(db, 'demo') === 'true') {
    return { ...DEMO_REPORT, sections: DEMO_REPORT.sections.map((x) => ({ ...x })) };
  }
  const { organisation, style } = styleOf(db);
  const place = unitPlace(db, unit.id);
  const name = unitOrganisationName(style, unit, { isRoot: place.parentId === null, organisation });
  const body = place.hasChildren ? 'BAN THƯỜNG VỤ' : 'BAN CHẤP HÀNH';
  const recipients = ['Lưu: VT.'];
  if (place.parentId !== null) {
    const parent = getUnit(db, place.parentId);
    const parentName = unitOrganisationName(style, parent, {
      isRoot: unitPlace(db, parent.id).parentId === null,
      organisation,
    });
    recipients.unshift(`Ban Thường vụ ${parentName} (b/c);`);
  }
  const resolution = `Nghị quyết ${term.name}`;
  const where = own ? '' : ` tại ${unitInSentence(unit.name)}`;
  const title =
    kind === 'mid_term'
      ? `BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện ${resolution}${where}`
      : kind === 'end_of_term'
        ? `BÁO CÁO Tổng kết nhiệm kỳ thực hiện ${resolution}${where}`
        : `BÁO CÁO Kết quả thực hiện các chỉ tiêu ${resolution}${where}`;
  return {
    parentBody: [letterheadCase(name)],
    issuingBody: [body],
    motto: style.motto,
    documentNumber: '',
    documentSymbol: `${REPORT_SYMBOL}-${style.symbol}`,
    place: defaultPlace(unit),
    reportDate: null,
    asOf: defaultAsOf(term, kind),
    title,
    signerTitle: [`TM. ${body}`, 'CHỦ TỊCH'],
    signerName: '',
    recipients,
    sections: REPORT_SECTIONS.map((x) => ({ key: x.key, title: x.title, body: '' })),
  };
}
