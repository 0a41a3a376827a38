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
export * from './auth.ts';
export * from './client.ts';
export * from './compare.ts';
export * from './dashboard.ts';
export * from './duties.ts';
export * from './entry.ts';
export * from './import.ts';
export * from './migrate.ts';
export * from './missions.ts';
export * from './notifications.ts';
export * from './passwords.ts';
export * from './ranking.ts';
export * from './reorganise.ts';
export * from './reports.ts';
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
