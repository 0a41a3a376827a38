-- Hand-written (drizzle-kit cannot express WITHOUT ROWID): the roll-up table clustered by its key,
-- so the rows one view reads (a version, a basis, an ancestor) sit together on a few pages instead
-- of one page each (docs/decisions/0014). Keep `WITHOUT ROWID` if a later migration rebuilds it.
CREATE TABLE `__new_rollups` (
	`structure_version_id` integer NOT NULL,
	`ancestor_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`basis` text NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`numerator` integer DEFAULT 0 NOT NULL,
	`denominator` integer DEFAULT 0 NOT NULL,
	`meeting` integer DEFAULT 0 NOT NULL,
	`reported` integer DEFAULT 0 NOT NULL,
	`result_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`structure_version_id`, `basis`, `ancestor_id`, `indicator_id`, `period_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_rollups`("structure_version_id", "ancestor_id", "indicator_id", "period_id", "basis", "value", "numerator", "denominator", "meeting", "reported", "result_count") SELECT "structure_version_id", "ancestor_id", "indicator_id", "period_id", "basis", "value", "numerator", "denominator", "meeting", "reported", "result_count" FROM `rollups`;--> statement-breakpoint
DROP TABLE `rollups`;--> statement-breakpoint
ALTER TABLE `__new_rollups` RENAME TO `rollups`;
