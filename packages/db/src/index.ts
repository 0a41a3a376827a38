/**
 * What `@chitieu/db` offers the API, the exports and the tests, named one by one (a module's other
 * exports are its own). Each query authorises its actor.
 */

// Who may do what

export { type Actor, can } from './access.ts';

// Setting up: organisation, units, terms, indicators, targets, allocations, accounts

export { allocationEditor, saveAllocations } from './admin/allocations.ts';
export { copyTerm } from './admin/copy-term.ts';
export { createIndicator, listIndicators, updateIndicator } from './admin/indicators.ts';
export { createTarget, termSetup, updateTarget } from './admin/targets.ts';
export { createTerm, generateTermPeriods, updatePeriodDeadline, updateTerm } from './admin/terms.ts';
export { closeUnit, createUnit, moveUnit, updateUnit } from './admin/unit-edits.ts';
export { applyTreeImport, exportTreeRows, previewTreeImport } from './admin/unit-import.ts';
export { adminUnitTree, setTreeStart } from './admin/units.ts';
export {
  addRole,
  adminCreateUser,
  authorizeCreateUser,
  listAdminUsers,
  managedUsername,
  removeRole,
  resetPassword,
  setUserActive,
  setUserEmail,
} from './admin-users.ts';
export { settingsFor, updateSettings } from './duties.ts';
export { setupNeeded, setupOrganisation } from './setup.ts';
export { createRootUnit } from './units.ts';

// Signing in and passwords

export {
  authenticate,
  changePassword,
  checkCurrentPassword,
  checkUsername,
  createSession,
  createUser,
  endSession,
  normaliseUsername,
  type SessionUser,
  sessionUser,
} from './auth.ts';
export { checkNewPassword, hashPassword, hashPasswordSync } from './passwords.ts';

// Opening and migrating the database; the data revision and the roll-ups

export { type Db, openDatabase } from './client.ts';
export { migrateDatabase } from './migrate.ts';
export { bumpRevision, getMeta, getRevision, setMeta } from './revision.ts';
export { rebuildRollups } from './rollup.ts';

// The figure engine (docs/decisions/0030): scope, unit tree, targets and the leaders' views

export { compareViews, defaultCompareDates } from './compare.ts';
export { getTerm, listTerms, resolveScope, type Scope, type ScopeInput, versionAt } from './figures/scope.ts';
export { type IndicatorInfo, termTargets } from './figures/targets.ts';
export { unitTree } from './figures/unit-tree.ts';
export { targetBreakdown } from './figures/views/breakdown.ts';
export { dashboardSummary } from './figures/views/overview.ts';
export { targetSeries } from './figures/views/series.ts';
export { MISSIONS, missionView } from './missions.ts';
export { laggingUnits } from './ranking.ts';
export { targetDetail, targetNotes } from './target-detail.ts';
export { targetTrends } from './trends.ts';

// Entry, the reporting workflow, the cockpit, the audit and notifications

export { auditTrail } from './audit.ts';
export { reportingCockpit } from './cockpit.ts';
export { entryGrid } from './entry/grid.ts';
export { termPeriods } from './entry/periods.ts';
export { clearEntry, saveEntry } from './entry/save.ts';
export { transitionReport } from './entry/workflow.ts';
export { applyImport } from './import-apply.ts';
export { authorizeImport, previewImport } from './import-preview.ts';
export { entryTemplate } from './import-template.ts';
export {
  mailsFor,
  markAllNotificationsRead,
  markNotificationRead,
  myNotifications,
  NOTIFICATIONS_PAGE,
  recordOverdue,
} from './notifications.ts';
export { recordResult, setSubmissionState } from './results.ts';

// Reorganisation (docs/decisions/0031)

export {
  applyReorganisation,
  authorizeReorganisation,
  previewReorganisation,
  type ReorganisationPlan,
} from './reorganise.ts';

// The term's written reports

export { type ReportData, reportData } from './reports/data.ts';
export {
  REPORT_KINDS,
  REPORT_SECTION_KEYS,
  type ReportKind,
  type ReportSettingsInput,
} from './reports/definitions.ts';
export { assertIssuable, getIssuedReport, issueReport, listIssuedReports } from './reports/issued.ts';
export { getReportSettings, saveReportSettings, seedDemoReport } from './reports/settings.ts';

// The demo: its seed, accounts and dates (tests, the CLI and `npm start`)

export {
  DEMO_ACCOUNTS,
  DEMO_AS_OF,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  type DemoSeed,
  seedDemo,
} from './seed/demo.ts';
export { advanceDemoTo2025, DEMO_2025_AS_OF } from './seed/demo-2025.ts';

// The tables, for queries written outside this package (tests, benchmarks)

export * as schema from './schema.ts';
