/**
 * Issued reports: the DOCX exactly as issued and the frozen snapshot of its figures, kept under the
 * unit's document number and date, then listed and fetched.
 */

import {
  type Basis,
  conflict,
  documentNumberValue,
  documentReference,
  formatDate,
  invalid,
  notFound,
} from '@chitieu/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Actor, authorize, can } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import type { Scope } from '../figures/scope.ts';
import { getTerm, getUnit } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import { found } from '../rows.ts';
import * as s from '../schema.ts';
import { inTransaction, stmt } from '../statements.ts';
import type { ReportKind, ReportSettingsInput } from './definitions.ts';
import { getReportSettings, saveReportSettings } from './settings.ts';
import { findReport } from './stored-row.ts';

/** The scope an issued report was built for: enough to rebuild the live figures for comparison. */
export interface IssuedScope {
  unitId: number;
  asOf: string;
  basis: Basis;
  structureVersionId: number;
}

export interface IssuedReportInfo {
  id: number;
  kind: ReportKind;
  issuedAt: string;
  issuedBy: number | null;
  issuedByName: string | null;
  /** As printed after "Số:" ("45/BC-HPN"); null for an issue without a number (before numbers were checked). */
  documentNumber: string | null;
  documentDate: string | null;
  scope: IssuedScope & { unitName: string };
  headline: { done: number; counted: number } | null;
  bytes: number;
}

const KIND_NAMES: Record<ReportKind, string> = {
  mid_term: 'sơ kết giữa nhiệm kỳ',
  end_of_term: 'tổng kết nhiệm kỳ',
  yearly: 'năm',
};

/**
 * Whether a unit's report can be issued with these settings at this as-of date: it needs a number
 * (once per unit, kind and year of the document date) and a document date no earlier than the data.
 * Throws the reason (400, or 409 for a number already used).
 */
export function assertIssuable(
  db: DbOrTx,
  input: { kind: ReportKind; unitId: number; asOf: string; settings: ReportSettingsInput },
): void {
  const { settings } = input;
  const value = documentNumberValue(settings.documentNumber);
  if (value === null) {
    throw invalid('Chưa có số văn bản: hãy điền “Số văn bản” trong thiết lập báo cáo rồi ban hành.', {
      param: 'documentNumber',
    });
  }
  const date = settings.reportDate;
  if (date === null) {
    throw invalid('Chưa có ngày văn bản: hãy điền “Ngày báo cáo” trong thiết lập báo cáo rồi ban hành.', {
      param: 'reportDate',
    });
  }
  if (date < input.asOf) {
    throw invalid(
      `Ngày văn bản (${formatDate(date)}) không được trước ngày số liệu (${formatDate(input.asOf)}): hãy sửa ngày báo cáo hoặc ngày số liệu.`,
      { param: 'reportDate' },
    );
  }
  const taken = stmt<{ id: number; documentNumber: string | null; documentDate: string | null }>(
    db,
    `SELECT id, document_number AS documentNumber, document_date AS documentDate FROM issued_reports
     WHERE unit_id = ? AND kind = ? AND document_year = ? AND number_value = ?`,
  ).get(input.unitId, input.kind, Number(date.slice(0, 4)), value);
  if (taken) {
    const unit = getUnit(db, input.unitId);
    throw conflict(
      `Số ${documentReference(settings.documentNumber, settings.documentSymbol)} đã dùng cho báo cáo ${KIND_NAMES[input.kind]} của ${unit.name} năm ${date.slice(0, 4)} (bản ban hành số ${taken.documentNumber ?? taken.id}${taken.documentDate ? ` ngày ${formatDate(taken.documentDate)}` : ''}). Hãy dùng số khác.`,
      { param: 'documentNumber', issuedId: taken.id },
    );
  }
}

/**
 * Keep an issued report: the DOCX exactly as issued and the snapshot of its figures, under the
 * unit's number and date. Needs the right to manage targets over the scope's unit. The settings the
 * file was built from must still be the current ones (`settingsVersion`, 0 for defaults, which are
 * then stored): otherwise 409, since the file would not say what the settings now say.
 */
export function issueReport(
  db: DbOrTx,
  actor: Actor | 'system',
  input: {
    termId: number;
    kind: ReportKind;
    scope: Scope;
    settingsVersion: number;
    snapshot: unknown;
    docx: Uint8Array;
  },
): IssuedReportInfo {
  const unitId = input.scope.unit.id;
  if (actor !== 'system') authorize(db, actor, 'manage_targets', unitId);
  return inTransaction(db, (tx) => {
    const settings = getReportSettings(tx, input.termId, input.kind, unitId);
    if (settings.version !== input.settingsVersion) {
      throw conflict('Thiết lập báo cáo vừa được sửa trong lúc tạo tệp. Hãy ban hành lại.', {
        currentVersion: settings.version,
      });
    }
    assertIssuable(tx, { kind: input.kind, unitId, asOf: input.scope.asOf, settings });
    let report = findReport(tx, input.termId, input.kind, unitId);
    if (!report) {
      saveReportSettings(tx, 'system', {
        termId: input.termId,
        kind: input.kind,
        unitId,
        version: 0,
        settings,
      });
      report = findReport(tx, input.termId, input.kind, unitId);
      if (!report) throw new Error('report row missing after save');
    }
    const date = found(settings.reportDate, 'document date (assertIssuable checked it)');
    const row = tx
      .insert(s.issuedReports)
      .values({
        reportId: report.id,
        termId: input.termId,
        kind: input.kind,
        unitId,
        basis: input.scope.basis,
        asOf: input.scope.asOf,
        documentNumber: documentReference(settings.documentNumber, settings.documentSymbol),
        numberValue: documentNumberValue(settings.documentNumber),
        documentDate: date,
        documentYear: Number(date.slice(0, 4)),
        issuedBy: actor === 'system' ? null : actor.id,
        snapshot: input.snapshot,
        docx: Buffer.from(input.docx.buffer, input.docx.byteOffset, input.docx.byteLength),
      })
      .returning({ id: s.issuedReports.id })
      .get();
    const info = issuedInfo(tx, row.id);
    tx.insert(s.auditEvents)
      .values({
        userId: actor === 'system' ? null : actor.id,
        entity: 'issued_report',
        entityId: String(row.id),
        unitId,
        action: 'issue',
        before: null,
        after: {
          termId: input.termId,
          kind: input.kind,
          documentNumber: info.documentNumber,
          documentDate: info.documentDate,
          scope: info.scope,
          headline: info.headline,
        },
      })
      .run();
    bumpRevision(tx);
    return info;
  });
}

interface StoredSnapshot {
  scope?: Partial<IssuedScope> & { unitName?: string };
  headline?: { done: number; counted: number };
}

const INFO_COLUMNS = {
  id: s.issuedReports.id,
  kind: s.issuedReports.kind,
  unitId: s.issuedReports.unitId,
  basis: s.issuedReports.basis,
  asOf: s.issuedReports.asOf,
  documentNumber: s.issuedReports.documentNumber,
  documentDate: s.issuedReports.documentDate,
  issuedAt: s.issuedReports.issuedAt,
  issuedBy: s.issuedReports.issuedBy,
  issuedByName: s.users.displayName,
  unitName: s.units.name,
  snapshot: s.issuedReports.snapshot,
  // The size only: never load every file to list them.
  bytes: sql<number>`coalesce(length(${s.issuedReports.docx}), 0)`,
};

function infoQuery(db: DbOrTx) {
  return db
    .select(INFO_COLUMNS)
    .from(s.issuedReports)
    .leftJoin(s.users, eq(s.users.id, s.issuedReports.issuedBy))
    .innerJoin(s.units, eq(s.units.id, s.issuedReports.unitId));
}

type InfoRow = NonNullable<ReturnType<ReturnType<typeof infoQuery>['get']>>;

function issuedInfo(db: DbOrTx, id: number): IssuedReportInfo {
  const row = infoQuery(db).where(eq(s.issuedReports.id, id)).get();
  if (!row) throw notFound(`Không tìm thấy bản báo cáo đã ban hành ${id}.`);
  return toInfo(row);
}

function toInfo(row: InfoRow): IssuedReportInfo {
  const snap = (row.snapshot ?? {}) as StoredSnapshot;
  return {
    id: row.id,
    kind: row.kind,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    issuedByName: row.issuedByName,
    documentNumber: row.documentNumber,
    documentDate: row.documentDate,
    scope: {
      unitId: row.unitId,
      unitName: snap.scope?.unitName ?? row.unitName,
      asOf: row.asOf,
      basis: row.basis,
      structureVersionId: snap.scope?.structureVersionId ?? 0,
    },
    headline: snap.headline ?? null,
    bytes: row.bytes,
  };
}

/**
 * Issued versions of a term's report of a kind, newest first, that the actor may read (by their
 * scope's unit); only one unit's, and one basis's, when asked.
 */
export function listIssuedReports(
  db: DbOrTx,
  actor: Actor | 'system',
  termId: number,
  kind: ReportKind,
  filter: { unitId?: number; basis?: Basis } = {},
): (IssuedReportInfo & { snapshot: unknown })[] {
  getTerm(db, termId);
  const rows = infoQuery(db)
    .where(
      and(
        eq(s.issuedReports.termId, termId),
        eq(s.issuedReports.kind, kind),
        filter.unitId === undefined ? undefined : eq(s.issuedReports.unitId, filter.unitId),
        filter.basis === undefined ? undefined : eq(s.issuedReports.basis, filter.basis),
      ),
    )
    .orderBy(desc(s.issuedReports.issuedAt), desc(s.issuedReports.id))
    .all();
  return rows
    .filter((row) => actor === 'system' || can(db, actor, 'read', row.unitId))
    .map((row) => ({ ...toInfo(row), snapshot: row.snapshot }));
}

/** One issued report's file, as stored, with its info. */
export function getIssuedReport(
  db: DbOrTx,
  actor: Actor | 'system',
  termId: number,
  kind: ReportKind,
  issuedId: number,
): IssuedReportInfo & { docx: Buffer; snapshot: unknown } {
  const row = db
    .select({ id: s.issuedReports.id, docx: s.issuedReports.docx, snapshot: s.issuedReports.snapshot })
    .from(s.issuedReports)
    .where(
      and(
        eq(s.issuedReports.id, issuedId),
        eq(s.issuedReports.termId, termId),
        eq(s.issuedReports.kind, kind),
      ),
    )
    .get();
  if (!row?.docx) throw notFound(`Không tìm thấy bản báo cáo đã ban hành ${issuedId}.`);
  const info = issuedInfo(db, row.id);
  if (actor !== 'system') authorize(db, actor, 'read', info.scope.unitId);
  return { ...info, docx: row.docx, snapshot: row.snapshot };
}
