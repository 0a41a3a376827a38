/**
 * What the report's handlers share: the scope and settings a request asks for, the figures' source,
 * a file answer, and the differences between an issued report and the live figures.
 */

import { resolve } from 'node:path';
import { DomainError } from '@chitieu/core';
import {
  type Db,
  getReportSettings,
  type ReportKind,
  reportData,
  resolveScope,
  type Scope,
} from '@chitieu/db';
import {
  CSV_TYPE,
  cleanReportData,
  compareSnapshots,
  DOCX_TYPE,
  type ReportSnapshot,
  snapshotOf,
  XLSX_TYPE,
} from '@chitieu/reports';
import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/router.ts';
import { currentUser } from '../../lib/session.ts';
import type { ScopeQuery } from '../../schemas/common.ts';
import type { FigureSource, ReportFormat, ScopeIds } from '../../workers/report-jobs.ts';
import { attachment } from '../excel.ts';

// ---------------------------------------------------------------- schemas

type Ctx = Context<AppEnv>;

/**
 * The dashboard's scope for this user, and the settings of its unit's report; without an as-of date
 * in the query, that report's own.
 */
export function scopeFor(
  c: Ctx,
  params: { termId: number; kind: ReportKind },
  query: z.infer<typeof ScopeQuery>,
) {
  const { db, today } = c.var.deps;
  const user = currentUser(c);
  let scope = resolveScope(db, user, { termId: params.termId, ...query }, today());
  const settings = getReportSettings(db, params.termId, params.kind, scope.unit.id);
  if (query.asOf === undefined && settings.asOf !== scope.asOf) {
    scope = resolveScope(
      db,
      user,
      { termId: params.termId, ...query, unitId: scope.unit.id, asOf: settings.asOf },
      today(),
    );
  }
  return { user, settings, scope };
}

export const idsOf = (scope: Scope): ScopeIds => ({
  termId: scope.term.id,
  unitId: scope.unit.id,
  asOf: scope.asOf,
  basis: scope.basis,
  structureVersionId: scope.structureVersionId,
});

/** A file database: the worker reads it itself. In memory (tests): the figures go with the job. */
export function sourceFor(db: Db, scope: Scope, raw: boolean): FigureSource {
  const client = db.$client;
  if (!client.memory && client.name && client.name !== ':memory:') return { file: resolve(client.name) };
  return { data: reportData(db, scope, { raw }) };
}

export const TYPES: Record<ReportFormat, string> = { docx: DOCX_TYPE, xlsx: XLSX_TYPE, csv: CSV_TYPE };

export function fileResponse(c: Ctx, bytes: Uint8Array, type: string, name: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': type,
    'Content-Disposition': attachment(name),
    'Content-Length': String(bytes.byteLength),
    // Figures of the user's scope: never in shared caches.
    'Cache-Control': 'private, no-store',
  });
}

/** Live figures at an issued snapshot's scope, compared with it (null if that scope is not readable). */
export function differencesFrom(c: Ctx, termId: number, snapshot: unknown) {
  const snap = snapshot as Partial<ReportSnapshot> | null;
  if (!snap?.scope || !Array.isArray(snap.figures) || !snap.headline) return null;
  const { db, today } = c.var.deps;
  try {
    const scope = resolveScope(
      db,
      currentUser(c),
      {
        termId,
        unitId: snap.scope.unitId,
        asOf: snap.scope.asOf,
        basis: snap.scope.basis,
        structureVersionId: snap.scope.structureVersionId,
      },
      today(),
    );
    return compareSnapshots(snap as ReportSnapshot, snapshotOf(cleanReportData(reportData(db, scope))));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
