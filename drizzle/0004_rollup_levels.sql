ALTER TABLE `rollups` ADD `level_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `level_numerator` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `level_denominator` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `level_meeting` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `level_units` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: existing roll-ups lack the level columns' values; migrateDatabase rebuilds them once.
INSERT OR REPLACE INTO `app_meta` (`key`, `value`) VALUES ('rollups_rebuild', '1');
