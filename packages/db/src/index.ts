export * from './access.ts';
export * from './admin/allocations.ts';
export * from './admin/copy-term.ts';
export * from './admin/indicators.ts';
export * from './admin/targets.ts';
export * from './admin/terms.ts';
export * from './admin/unit-edits.ts';
export * from './admin/unit-import.ts';
export * from './admin/units.ts';
export * from './admin/version.ts';
export * from './admin-users.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './client.ts';
export * from './cockpit.ts';
export * from './compare.ts';
export * from './duties.ts';
export * from './entry/flags.ts';
export * from './entry/grid.ts';
export * from './entry/periods.ts';
export * from './entry/save.ts';
export * from './entry/submission.ts';
export * from './entry/workflow.ts';
export * from './figures/coverage.ts';
export * from './figures/figure-reader.ts';
export * from './figures/progress.ts';
export * from './figures/scope.ts';
export * from './figures/targets.ts';
export * from './figures/unit-tree.ts';
export * from './figures/views/breakdown.ts';
export * from './figures/views/overview.ts';
export * from './figures/views/series.ts';
export * from './import.ts';
export * from './migrate.ts';
export * from './missions.ts';
export * from './notifications.ts';
export * from './passwords.ts';
export * from './ranking.ts';
export * from './reorganise.ts';
export * from './reports/data.ts';
export * from './reports/defaults.ts';
export * from './reports/definitions.ts';
export * from './reports/demo-report.ts';
export * from './reports/issued.ts';
export * from './reports/settings.ts';
export * from './results.ts';
export * from './revision.ts';
export * from './rollup.ts';
export * as schema from './schema.ts';
export {
  DEMO_ACCOUNTS,
  DEMO_AS_OF,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  type DemoSeed,
  seedDemo,
} from './seed/demo.ts';
export { advanceDemoTo2025, DEMO_2025_AS_OF } from './seed/demo-2025.ts';
export * from './setup.ts';
export * from './target-detail.ts';
export * from './trends.ts';
export * from './units.ts';
