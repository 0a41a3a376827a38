// What @chitieu/core offers the other packages: the product's vocabulary and its pure rules, with no
// database, network or clock of its own. Helpers the rules use among themselves stay unexported.

// Who may do what.
export { type Action, ROLES, type Role, roleAllows } from './access.ts';
export { AUDIT_ACTIONS, type AuditAction } from './audit.ts';
// Calendar dates ('YYYY-MM-DD') and reporting periods.
export {
  addDays,
  addYears,
  clampDate,
  formatDate,
  formatInstant,
  formatPlaceDate,
  formatShortDate,
  isIsoDate,
  parseDate,
  todayInVietnam,
} from './dates.ts';
// Entering results: checking what was typed, and the entry workbook as data.
export {
  checkEntry,
  DEFAULT_FLAG_GROWTH,
  defaultFlagMinChange,
  type EntryCheck,
  type EntryField,
  type EntryIndicator,
  type EntryInput,
  type EntryProblem,
  flagsApply,
  growthText,
  minChangeText,
  type PlausibilityRule,
  parseFlagGrowth,
  parseFlagMinChange,
  plausibilityRule,
  RESULT_FLAGS,
  type ResultFlag,
} from './entry.ts';
export type {
  CellText,
  EntryTemplateInput,
  EntryWorkbook,
  SheetCell,
  SheetRow,
  TemplateFigure,
  TemplateIndicator,
  TemplateMeta,
} from './entry-sheet.ts';
// Errors every layer throws and the API maps to its envelope.
export {
  conflict,
  DomainError,
  ERROR_CODES,
  ERROR_STATUS,
  type ErrorCode,
  forbidden,
  invalid,
  notFound,
  payloadTooLarge,
  tooManyRequests,
  unauthorized,
} from './errors.ts';
export { type Bilingual, type Forecast, forecastEndOfTerm, planLine } from './forecast.ts';
// Numbers and money in Vietnamese (and English) text, read and written exactly.
export {
  exactMoneyScale,
  formatDong,
  formatExactMoney,
  formatInteger,
  formatMoney,
  formatMoneyIn,
  formatPercent,
  formatRatioPercent,
  formatScaled,
  MAX_DECIMALS,
  MONEY_SCALE_UNITS,
  type MoneyScale,
  moneyScale,
  moneyScaleUnit,
  type NumberLocale,
  parseMoney,
  parseScaled,
  ratioToScaledPercent,
} from './format.ts';
// Indicators and their figures: how results add up over units and periods.
export {
  addSums,
  type Coverage,
  combineFigure,
  contribution,
  type Figure,
  figureFromPeriods,
  type IndicatorRule,
  isLevelMeasure,
  isNoCases,
  isShareMeasure,
  isStateMeasure,
  isZeroSums,
  levelChanges,
  MEASURE_TYPES,
  type MeasureType,
  type PeriodSums,
  type RatioOverTime,
  type ResultFields,
  SUM_FIELDS,
  type Sums,
  type UnitReport,
  ZERO_SUMS,
} from './measures.ts';
export { compareVietnamese, shortUnitName } from './names.ts';
export {
  DOCUMENT_NUMBER_PATTERN,
  DOCUMENT_SYMBOL_PATTERN,
  defaultPlace,
  documentNumberLine,
  documentNumberValue,
  documentReference,
  letterheadCase,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  organisationStyle,
  REPORT_SYMBOL,
  unitInSentence,
  unitOrganisationName,
} from './organisation.ts';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from './passwords.ts';
export { PERIOD_KINDS, type PeriodKind, periodName } from './periods.ts';
export { type JudgedTarget, type RankedUnit, rankUnits } from './ranking.ts';
export { type NotificationKind, notificationMail, overdueReports } from './reminders.ts';
// A target's status, its badge and colours, the headline count.
export {
  DIRECTIONS,
  type Direction,
  HATCHED_STATUSES,
  headline,
  isNotAssigned,
  STATUS_COLOURS,
  type StatusKey,
  statusKeyOf,
  TARGET_STATUSES,
  type TargetStatus,
  targetStatus,
} from './status.ts';
// Targets: goals, allocations to units, the resolution's missions.
export {
  type AllocationCheck,
  checkAllocations,
  type GoalIndicator,
  goalText,
  goalUnit,
  MISSION_NAMES,
  MISSIONS,
  type Mission,
  parseGoal,
  quantityText,
  termPeriodPlan,
} from './targets.ts';
// Text people type: what a document cannot hold, and how names are searched.
export {
  assertCleanText,
  findForbiddenCharacter,
  searchKey,
  stripForbidden,
  textProblem,
  visibleText,
} from './text.ts';
// Units, their organisation's style and the document's letterhead.
export {
  defaultGrassroots,
  lifeRefusal,
  ownLevelName,
  reportsPeriod,
  UNIT_CODE_PATTERN,
  UNIT_TYPES,
} from './units.ts';
// The reporting workflow and the reminders it sends.
export {
  BASES,
  type Basis,
  editActionFor,
  REPORT_STATES,
  type ReportState,
  SUBMISSION_STATES,
  type SubmissionState,
  TRANSITIONS,
  type WorkflowAction,
} from './workflow.ts';
