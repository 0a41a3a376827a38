/**
 * A unit's report settings and narrative for a term and kind (DESIGN.md "Report"): read, with the
 * defaults while nothing is stored, and saved with its audit event and the revision bump.
 */

import { conflict } from '@chitieu/core';
import { asc, eq } from 'drizzle-orm';
import { type Actor, authorize } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { getTerm, getUnit } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import { defaultSettings } from './defaults.ts';
import {
  REPORT_SECTIONS,
  type ReportKind,
  type ReportSection,
  type ReportSettings,
  type ReportSettingsInput,
} from './definitions.ts';
import { DEMO_REPORT } from './demo-report.ts';
import { normaliseSettings } from './settings-check.ts';
import { findReport } from './stored-row.ts';

function sectionsOf(db: DbOrTx, reportId: number): ReportSection[] {
  const rows = db
    .select()
    .from(s.reportSections)
    .where(eq(s.reportSections.reportId, reportId))
    .orderBy(asc(s.reportSections.sortOrder))
    .all();
  // Every part is always there, in its order, even if an older row set lacks one.
  return REPORT_SECTIONS.map((def) => {
    const row = rows.find((r) => r.key === def.key);
    return { key: def.key, title: row?.title ?? def.title, body: row?.body ?? '' };
  });
}

/**
 * A unit's report settings and narrative for a term and kind: stored ones, or the defaults drawn
 * from the unit's own name (version 0). Without a unit, the term's own unit's.
 */
export function getReportSettings(
  db: DbOrTx,
  termId: number,
  kind: ReportKind,
  unitId?: number,
): ReportSettings {
  const term = getTerm(db, termId);
  const unit = getUnit(db, unitId ?? term.ownerUnitId);
  const row = findReport(db, termId, kind, unit.id);
  if (!row) {
    return {
      ...defaultSettings(db, term, kind, unit),
      termId,
      kind,
      unitId: unit.id,
      version: 0,
      stored: false,
    };
  }
  return {
    termId,
    kind,
    unitId: unit.id,
    parentBody: row.parentBody,
    issuingBody: row.issuingBody,
    motto: row.motto,
    documentNumber: row.documentNumber,
    documentSymbol: row.documentSymbol,
    place: row.place,
    reportDate: row.reportDate,
    asOf: row.asOf,
    title: row.title,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    recipients: row.recipients,
    sections: sectionsOf(db, row.id),
    version: row.version,
    stored: true,
  };
}

/**
 * Save a unit's settings and narrative (manager or admin of that unit). `version` is the one the
 * user saw (0 when nothing was stored yet); another save in between answers 409. One transaction
 * with its audit event and the revision bump.
 */
export function saveReportSettings(
  db: DbOrTx,
  actor: Actor | 'system',
  input: {
    termId: number;
    kind: ReportKind;
    unitId?: number;
    version: number;
    settings: ReportSettingsInput;
  },
): ReportSettings {
  const term = getTerm(db, input.termId);
  const unitId = input.unitId ?? term.ownerUnitId;
  getUnit(db, unitId);
  if (actor !== 'system') authorize(db, actor, 'manage_targets', unitId);
  const settings = normaliseSettings(term, input.settings);
  return inTransaction(db, (tx) => {
    const before = findReport(tx, term.id, input.kind, unitId);
    const current = before?.version ?? 0;
    if (current !== input.version) {
      throw conflict('Báo cáo vừa được người khác sửa. Hãy tải lại để xem bản mới rồi sửa tiếp.', {
        currentVersion: current,
      });
    }
    const beforeView = before ? getReportSettings(tx, term.id, input.kind, unitId) : null;
    const values = {
      parentBody: settings.parentBody,
      issuingBody: settings.issuingBody,
      motto: settings.motto,
      documentNumber: settings.documentNumber,
      documentSymbol: settings.documentSymbol,
      place: settings.place,
      reportDate: settings.reportDate,
      asOf: settings.asOf,
      title: settings.title,
      signerTitle: settings.signerTitle,
      signerName: settings.signerName,
      recipients: settings.recipients,
      version: current + 1,
    };
    const row = before
      ? tx.update(s.reports).set(values).where(eq(s.reports.id, before.id)).returning().get()
      : tx
          .insert(s.reports)
          .values({ termId: term.id, kind: input.kind, unitId, ...values })
          .returning()
          .get();
    tx.delete(s.reportSections).where(eq(s.reportSections.reportId, row.id)).run();
    tx.insert(s.reportSections)
      .values(settings.sections.map((x, i) => ({ reportId: row.id, ...x, sortOrder: i })))
      .run();
    const after = getReportSettings(tx, term.id, input.kind, unitId);
    tx.insert(s.auditEvents)
      .values({
        userId: actor === 'system' ? null : actor.id,
        entity: 'report',
        entityId: `${term.id}:${input.kind}:${unitId}`,
        unitId,
        action: before ? 'update' : 'create',
        before: beforeView,
        after,
      })
      .run();
    bumpRevision(tx);
    return after;
  });
}

/**
 * Store the demo's mid-term report for a term (call it from the demo seed). Does nothing if the term
 * already has a stored mid-term report.
 */
export function seedDemoReport(db: DbOrTx, termId: number): void {
  if (findReport(db, termId, 'mid_term', getTerm(db, termId).ownerUnitId)) return;
  saveReportSettings(db, 'system', {
    termId,
    kind: 'mid_term',
    version: 0,
    settings: { ...DEMO_REPORT, sections: DEMO_REPORT.sections.map((x) => ({ ...x })) },
  });
}
