/**
 * The report's API for the page: the view (settings, narrative, figures as printed), saving the
 * settings, issuing, and the addresses of the downloads and chart images. Types come from the API.
 */
import type { Basis } from '@chitieu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, call } from '../../lib/api-client.ts';

export type ReportKind = 'mid_term' | 'end_of_term' | 'yearly';
export type ReportFormat = 'docx' | 'xlsx' | 'csv';
export type ChartKey = 'completion' | 'poverty' | 'works';

/** The dashboard's scope: whose figures, as of when, on which basis, in which structure. */
export interface ReportScope {
  unitId?: number | undefined;
  asOf?: string | undefined;
  basis?: Basis | undefined;
  structureVersionId?: number | undefined;
}

export interface ReportParams extends ReportScope {
  termId: number;
  kind: ReportKind;
}

const report = api.terms[':termId'].reports[':kind'];
export type ReportView = InferResponseType<typeof report.$get, 200>;
export type ReportSettingsInput = InferRequestType<typeof report.$put>['json'];

const param = (p: ReportParams) => ({ termId: String(p.termId), kind: p.kind });

/** Query string for the API: only what is set, as strings. */
export function scopeQuery({ unitId, asOf, basis, structureVersionId }: ReportScope) {
  return {
    ...(unitId === undefined ? {} : { unitId: String(unitId) }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(basis === undefined ? {} : { basis }),
    ...(structureVersionId === undefined ? {} : { structureVersionId: String(structureVersionId) }),
  };
}

export const reportKey = (p: ReportParams) => ['report', p.termId, p.kind, scopeQuery(p)] as const;

export function useReport(p: ReportParams) {
  return useQuery({
    queryKey: reportKey(p),
    queryFn: async ({ signal }) => {
      return call(() => report.$get({ param: param(p), query: scopeQuery(p) }, { init: { signal } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function useSaveReport(p: ReportParams) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (json: ReportSettingsInput) => {
      return call(() => report.$put({ param: param(p), json }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['report', p.termId, p.kind] }),
  });
}

export function useIssueReport(p: ReportParams) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      return call(() => report.issue.$post({ param: param(p), query: scopeQuery(p) }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['report', p.termId, p.kind] }),
  });
}

/** Same-origin address of a download (the browser sends the session cookie with it). */
export function downloadUrl(p: ReportParams, format: ReportFormat): string {
  const url = report.download[':format'].$url({ param: { ...param(p), format }, query: scopeQuery(p) });
  return `${url.pathname}${url.search}`;
}

export function chartUrl(p: ReportParams, chart: ChartKey, version: string): string {
  const url = report.charts[':chart'].$url({ param: { ...param(p), chart }, query: scopeQuery(p) });
  // The version (settings + data) in the address: a new image after the figures change.
  url.searchParams.set('v', version);
  return `${url.pathname}${url.search}`;
}

export function issuedUrl(p: ReportParams, issuedId: number): string {
  const url = report.issued[':issuedId'].$url({ param: { ...param(p), issuedId: String(issuedId) } });
  return url.pathname;
}
