export type { ReportKind, ReportParams, ReportScope } from './api.ts';
export { reportParamsFromSearch, reportSearch } from './params.ts';
export { ReportPage, type ReportPageProps } from './ReportPage.tsx';
