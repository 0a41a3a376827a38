/**
 * The data model of DESIGN.md. One file, one section per entity; docs/decisions/0002-data-model.md says why.
 * Conventions: calendar dates are 'YYYY-MM-DD' text, instants are UTC ISO-8601 text (see `instant()`);
 * every quantity is an integer (money in đồng, decimals scaled by the indicator's `decimals`).
 */
import {
  BASES,
  DIRECTIONS,
  MEASURE_TYPES,
  MISSIONS,
  PERIOD_KINDS,
  RESULT_FLAGS,
  ROLES,
  SUBMISSION_STATES,
} from '@chitieu/core';
import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** The one time convention for instants: UTC ISO-8601 text, filled by SQLite when not given. */
const instant = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const REPORT_KINDS = ['mid_term', 'end_of_term', 'yearly'] as const;

/** Key/value facts about this installation: organisation name, data revision, whether it holds the demo. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---------------------------------------------------------------- units and structure

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** GSO code where one exists; unique only among units valid at the same time (codes are reused). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Free text, levels are data: Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn, Đặc khu, Chi hội, Đơn vị trực thuộc… */
    type: text('type').notNull(),
    /** A grassroots union (cơ sở Hội): the units that `units_meeting` indicators count. */
    isGrassroots: integer('is_grassroots', { mode: 'boolean' }).notNull().default(false),
    validFrom: text('valid_from').notNull(),
    /** Exclusive; null while the unit exists. */
    validTo: text('valid_to'),
  },
  (t) => [
    // Matching by code "within validity" (imports, merge maps): find the units that ever had a code.
    index('units_code_idx').on(t.code, t.validFrom),
    check('units_validity', sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
  ],
);

/** "A and B became C on 2025-07-01". A `partial` link names the designated successor of a split unit. */
export const unitSuccessions = sqliteTable(
  'unit_successions',
  {
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: integer('successor_id')
      .notNull()
      .references(() => units.id),
    effectiveDate: text('effective_date').notNull(),
    kind: text('kind', { enum: ['full', 'partial'] }).notNull(),
    /** For a unit split between successors: the one its results are attributed to in the new structure. */
    designated: integer('designated', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    // "Who did this unit become" runs from the successor side too.
    index('unit_successions_successor_idx').on(t.successorId),
  ],
);

/** A version of the tree (cơ cấu). A reorganisation creates a new one; old ones stay queryable. */
export const structureVersions = sqliteTable('structure_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  validFrom: text('valid_from').notNull(),
  validTo: text('valid_to'),
  createdAt: instant('created_at'),
});

/** Where a unit sits in a structure version. `path` is '/rootId/…/unitId/'; a subtree is a path range. */
export const placements = sqliteTable(
  'placements',
  {
    structureVersionId: integer('structure_version_id')
      .notNull()
      .references(() => structureVersions.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: integer('parent_id').references(() => units.id),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.structureVersionId, t.unitId] }),
    // Subtree queries: `path >= p AND path < p || '~'` (a range uses this index; LIKE would not).
    uniqueIndex('placements_path_idx').on(t.structureVersionId, t.path),
    // Children of a unit, for the breakdown and the tree.
    index('placements_parent_idx').on(t.structureVersionId, t.parentId, t.sortOrder),
  ],
);

// ---------------------------------------------------------------- indicators, terms, targets, periods

export const indicators = sqliteTable('indicators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** hộ, cơ sở, công trình, đồng, %, người, mô hình… */
  measurementUnit: text('measurement_unit').notNull(),
  measureType: text('measure_type', { enum: MEASURE_TYPES }).notNull(),
  decimals: integer('decimals').notNull().default(0),
  frequency: text('frequency', { enum: PERIOD_KINDS }).notNull(),
  /** For `ratio`: add numerators and denominators over the periods ('sum') or take the latest period. */
  ratioOverTime: text('ratio_over_time', { enum: ['sum', 'latest'] })
    .notNull()
    .default('sum'),
  /**
   * The plausibility rule (docs/decisions/0025): a value more than this many times the unit's past
   * figure is flagged, in hundredths (300 = ×3). Null: the default of @chitieu/core.
   */
  flagGrowth: integer('flag_growth'),
  /** …unless it rose by less than this, scaled in the indicator's unit (đồng for money). Null: the default. */
  flagMinChange: integer('flag_min_change'),
});

export const terms = sqliteTable('terms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  /** "Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026" */
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** The unit whose congress adopted the resolution. */
  ownerUnitId: integer('owner_unit_id')
    .notNull()
    .references(() => units.id),
  congressDate: text('congress_date'),
  startDate: text('start_date').notNull(),
  midTermDate: text('mid_term_date').notNull(),
  endDate: text('end_date').notNull(),
  /** The date a first look opens at (the demo opens at its mid-term); null means today. */
  defaultAsOf: text('default_as_of'),
  /** Shown as "Số liệu minh họa" wherever the term's figures appear. */
  illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
});

export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    code: text('code').notNull(),
    /** Full wording of the resolution. */
    wording: text('wording').notNull(),
    shortName: text('short_name').notNull(),
    primaryIndicatorId: integer('primary_indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** In the primary indicator's scaled units; for ratio/units_meeting a scaled percentage. */
    baseline: integer('baseline').notNull().default(0),
    /** Null only for supplementary figures that have no goal. */
    goal: integer('goal'),
    midTermMilestone: integer('mid_term_milestone'),
    direction: text('direction', { enum: DIRECTIONS }).notNull().default('at_least'),
    /** Counted in the headline "x/y", or supplementary (shown in its own section). */
    counted: integer('counted', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The named view this target feeds (overview chart, mission page), chosen by a manager. */
    mission: text('mission', { enum: MISSIONS }),
  },
  (t) => [
    uniqueIndex('targets_term_code_idx').on(t.termId, t.code),
    // One target per mission and term (NULLs do not collide).
    uniqueIndex('targets_term_mission_idx').on(t.termId, t.mission),
  ],
);

/** Indicators shown beside a target's primary one (584 công trình — trị giá 11,54 tỷ đồng). */
export const targetRelatedIndicators = sqliteTable(
  'target_related_indicators',
  {
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.indicatorId] })],
);

/** Planned amount for one calendar year of the term; where set, pace follows it instead of a straight line. */
export const targetYearlyPlans = sqliteTable(
  'target_yearly_plans',
  {
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.year] })],
);

/** A target's share allocated to a child unit; allocations are checked (not forced) to add up. */
export const targetAllocations = sqliteTable(
  'target_allocations',
  {
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    goal: integer('goal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.unitId] })],
);

/**
 * A reporting period. Values are what arose in the period, never year-to-date. Periods of one
 * frequency never overlap, and an indicator takes results only for periods of its own frequency.
 */
export const periods = sqliteTable(
  'periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: PERIOD_KINDS }).notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    deadline: text('deadline').notNull(),
  },
  (t) => [
    uniqueIndex('periods_kind_start_idx').on(t.kind, t.startDate),
    check('periods_order', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

// ---------------------------------------------------------------- results and workflow

export const results = sqliteTable(
  'results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id),
    /** cumulative / amount / stock */
    value: integer('value'),
    /** ratio */
    numerator: integer('numerator'),
    denominator: integer('denominator'),
    /** units_meeting: the grassroots unit's own yes/no */
    meets: integer('meets', { mode: 'boolean' }),
    note: text('note'),
    evidenceUrl: text('evidence_url'),
    /**
     * Set by the server on every save: the value is outside its indicator's plausibility rule
     * ('far_above_previous', 'far_above_last_year'). A report with a flagged result and no note
     * cannot be sent (docs/decisions/0025).
     */
    flag: text('flag', { enum: RESULT_FLAGS }),
    /** Invented figures (the demo's per-commune splits) are marked, and the UI says so. */
    illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
    /** Optimistic concurrency: a save carries the version it saw. */
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    // One value per unit × indicator × period; also serves "all results of a unit".
    uniqueIndex('results_unit_indicator_period_idx').on(t.unitId, t.indicatorId, t.periodId),
    // Roll-up rebuilds and exports read one indicator's results period by period.
    index('results_indicator_period_idx').on(t.indicatorId, t.periodId),
    // The few flagged results, per report: the cockpit counts them, a submit checks them.
    index('results_flagged_idx').on(t.unitId, t.periodId).where(sql`${t.flag} IS NOT NULL`),
    check(
      'results_ratio',
      sql`${t.numerator} IS NULL OR ${t.denominator} IS NULL OR ${t.numerator} <= ${t.denominator}`,
    ),
  ],
);

/** The unit's report for a period (báo cáo kỳ): the workflow state lives here, not on each value. */
export const submissions = sqliteTable(
  'submissions',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id),
    state: text('state', { enum: SUBMISSION_STATES }).notNull().default('draft'),
    comment: text('comment'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.periodId] }),
    // The reporting cockpit lists a period's submissions by state.
    index('submissions_period_state_idx').on(t.periodId, t.state),
  ],
);

/**
 * Sums per (structure version, ancestor, indicator, period, basis), kept in the same transaction as
 * every write so that leaders' reads never scan raw results (docs/decisions/0003-rollup-table.md).
 * `basis` 'approved' counts approved results; 'submitted' counts approved and submitted ones.
 */
export const rollups = sqliteTable(
  'rollups',
  {
    structureVersionId: integer('structure_version_id').notNull(),
    ancestorId: integer('ancestor_id').notNull(),
    indicatorId: integer('indicator_id').notNull(),
    periodId: integer('period_id').notNull(),
    basis: text('basis', { enum: BASES }).notNull(),
    value: integer('value').notNull().default(0),
    numerator: integer('numerator').notNull().default(0),
    denominator: integer('denominator').notNull().default(0),
    /** units_meeting: grassroots units that said yes / that reported at all */
    meeting: integer('meeting').notNull().default(0),
    reported: integer('reported').notNull().default(0),
    /** How many result rows are summed here: 0 means "chưa báo cáo", not zero. */
    resultCount: integer('result_count').notNull().default(0),
    /**
     * Level indicators (stock, units meeting, ratio at its latest): the change of the level at the
     * period's end — units' first reports entering, later ones replacing the one before, closed
     * units leaving (docs/decisions/0017). A level at a date is the sum of changes up to it.
     */
    levelValue: integer('level_value').notNull().default(0),
    levelNumerator: integer('level_numerator').notNull().default(0),
    levelDenominator: integer('level_denominator').notNull().default(0),
    levelMeeting: integer('level_meeting').notNull().default(0),
    /** Units whose report stands (enter +1 with a first report, leave −1 when they close). */
    levelUnits: integer('level_units').notNull().default(0),
  },
  // Basis before ancestor: a view reads one basis, so its rows are contiguous (half the pages read).
  // The table is WITHOUT ROWID (migration 0003, by hand: drizzle cannot say it), so "contiguous"
  // holds for the rows themselves, not only for the key's index. Keep it so in later migrations.
  (t) => [primaryKey({ columns: [t.structureVersionId, t.basis, t.ancestorId, t.indicatorId, t.periodId] })],
);

// ---------------------------------------------------------------- audit, users, sessions

/** Append-only: who changed what, when, from what to what, and why. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: instant('at'),
    userId: integer('user_id').references(() => users.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The unit the change is about, for the audit page's filter. */
    unitId: integer('unit_id'),
    action: text('action').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    reason: text('reason'),
  },
  (t) => [
    // A value's history opens from its cell.
    index('audit_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_user_idx').on(t.userId, t.at),
    // The audit page filtered by unit, newest first.
    index('audit_unit_idx').on(t.unitId, t.at),
  ],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt, with its parameters and salt in the string. */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: instant('created_at'),
  /** Where reminders are mailed when SMTP is set up (README "Thông báo và e-mail"); null: in the app only. */
  email: text('email'),
});

/** A role scoped to a unit subtree; a reorganisation moves the scope to the successor unit. */
export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [uniqueIndex('role_assignments_user_role_unit_idx').on(t.userId, t.role, t.unitId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at'),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------- notifications

export const NOTIFICATION_KINDS = ['submitted', 'returned', 'overdue'] as const;

/**
 * A reminder for one user about one unit's report for one period: sent for approval, returned (with
 * the reason in `params`), or overdue. Written in the transaction of the workflow action that causes
 * it; an overdue one at most once per recipient, unit and period (docs/decisions/0026-reminders.md).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id),
    /** What the text needs besides unit and period: who acted, the return's reason. */
    params: text('params', { mode: 'json' }).$type<{ by?: string; comment?: string }>().notNull().default({}),
    createdAt: instant('created_at'),
    readAt: text('read_at'),
  },
  (t) => [
    // A user's list, newest first, and their unread count.
    index('notifications_user_idx').on(t.userId, t.id),
    // Overdue reminders are written by a daily pass: once per recipient, unit and period.
    uniqueIndex('notifications_overdue_once_idx')
      .on(t.userId, t.unitId, t.periodId)
      .where(sql`${t.kind} = 'overdue'`),
  ],
);

// ---------------------------------------------------------------- reports

/**
 * Header settings and narrative of a unit's report, per term and kind (Decree 30/2020 layout,
 * configurable): each unit issues its own report under its own letterhead and number.
 */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    /** The unit whose report this is (the scope's unit). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Letterhead: the parent organisation's line(s), in capitals, e.g. ["HỘI LHPN TỈNH BÌNH THUẬN"]. */
    parentBody: text('parent_body', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Letterhead: the issuing body itself, in bold capitals, e.g. ["BAN THƯỜNG VỤ"]. */
    issuingBody: text('issuing_body', { mode: 'json' }).$type<string[]>().notNull(),
    /** The national motto block at the top right. */
    motto: integer('motto', { mode: 'boolean' }).notNull().default(true),
    /** The number alone ("45"); "" until it is given. Printed "Số: 45/BC-HPN". */
    documentNumber: text('document_number').notNull().default(''),
    /** The symbol after the number ("BC-HPN"). */
    documentSymbol: text('document_symbol').notNull().default(''),
    place: text('place').notNull().default(''),
    reportDate: text('report_date'),
    /** The as-of date of the figures. */
    asOf: text('as_of').notNull(),
    title: text('title').notNull(),
    signerTitle: text('signer_title', { mode: 'json' }).$type<string[]>().notNull(),
    signerName: text('signer_name').notNull().default(''),
    recipients: text('recipients', { mode: 'json' }).$type<string[]>().notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('reports_term_kind_unit_idx').on(t.termId, t.kind, t.unitId)],
);

export const reportSections = sqliteTable(
  'report_sections',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key] })],
);

/**
 * An issued report keeps the file it issued and a frozen snapshot of its figures, and says whose it
 * is (unit, kind, basis, as-of date) and under which number: a number is used once per unit, kind
 * and year of the document date.
 */
export const issuedReports = sqliteTable(
  'issued_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The settings it was built from (the unit's own since per-unit settings; before, the term's). */
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    basis: text('basis', { enum: BASES }).notNull(),
    asOf: text('as_of').notNull(),
    /** As printed after "Số:", e.g. "45/BC-HPN". */
    documentNumber: text('document_number'),
    /** The number's value ("045" is 45), for the uniqueness rule. */
    numberValue: integer('number_value'),
    documentDate: text('document_date'),
    documentYear: integer('document_year'),
    issuedAt: instant('issued_at'),
    issuedBy: integer('issued_by').references(() => users.id),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    docx: blob('docx', { mode: 'buffer' }),
  },
  (t) => [
    index('issued_reports_report_idx').on(t.reportId, t.issuedAt),
    // "The last issue of the same unit, kind and basis", newest first.
    index('issued_reports_unit_idx').on(t.termId, t.kind, t.unitId, t.basis, t.issuedAt),
    // One number per unit, kind and year (NULLs, for issues from before numbers were checked, repeat).
    uniqueIndex('issued_reports_number_idx').on(t.unitId, t.kind, t.documentYear, t.numberValue),
  ],
);
